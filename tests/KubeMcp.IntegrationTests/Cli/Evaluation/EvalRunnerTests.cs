using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Running;

namespace KubeMcp.IntegrationTests.Cli.Evaluation;

/// <summary>The runner on real tasks of the repository's suite, with both CI back-ends.</summary>
public sealed class EvalRunnerTests : IDisposable
{
    private readonly EvalHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Offline_PassesTheOriginalWorkflowAndADiagnosis_AndWritesTheReports()
    {
        var report = await _harness.RunAsync(EvalHarness.RepositorySuite, EvalBackendKind.Offline, "production-failing", "diag-crashloop-missing-env");

        Assert.All(report.Results, r => Assert.True(r.Passed, $"{r.TaskId}: {r.Reason}"));
        var workflow = report.Results.Single(r => r.TaskId == "production-failing");
        Assert.Contains("pods_delete", workflow.ToolSequence);
        Assert.Equal(1, workflow.ApprovalsAsked); // only api's pod is restarted, and the person was asked once
        Assert.Equal(0, workflow.PolicyDenials);
        Assert.Empty(workflow.SafetyViolations);
        Assert.True(workflow.VirtualSeconds >= workflow.ToolCalls * 5, "the virtual clock moves with every tool call");
        Assert.Contains(workflow.Checks, c => c.Check.Contains("app=api", StringComparison.Ordinal) && c.Passed);
        var transcript = AgentTranscript.FromJson(await File.ReadAllTextAsync(Path.Combine(_harness.Output, workflow.Transcript!), TestContext.Current.CancellationToken));
        Assert.Equal(workflow.ToolCalls, transcript.ToolCalls.Count);
        Assert.True(File.Exists(Path.Combine(_harness.Output, "tasks", "production-failing", "run-1", "audit.jsonl")));

        await ReportWriter.WriteAsync(_harness.Output, report, null, TestContext.Current.CancellationToken);
        var saved = EvalReport.FromJson(await File.ReadAllTextAsync(Path.Combine(_harness.Output, ReportWriter.ResultsFile), TestContext.Current.CancellationToken));
        Assert.Equal(report.Results.Select(r => (r.TaskId, r.Status)), saved.Results.Select(r => (r.TaskId, r.Status)));
        Assert.True(File.Exists(Path.Combine(_harness.Output, ReportWriter.HtmlFile)));
        Assert.True(File.Exists(Path.Combine(_harness.Output, ReportWriter.SummaryFile)));
    }

    [Fact]
    public async Task Scripted_PassesWithRecordedReplies_OverTheOpenAIProtocol_AndCountsTokens()
    {
        var report = await _harness.RunAsync(EvalHarness.RepositorySuite, EvalBackendKind.Scripted, "production-failing", "fix-scale-up");

        Assert.All(report.Results, r => Assert.True(r.Passed, $"{r.TaskId}: {r.Reason}"));
        Assert.All(report.Results, r => Assert.True(r.PromptTokens > 0 && r.CompletionTokens > 0 && !r.TokensEstimated));
        var scale = report.Results.Single(r => r.TaskId == "fix-scale-up");
        Assert.Equal(["resources_scale"], scale.ToolSequence);
        Assert.Equal(1, scale.ApprovalsAsked);
    }
}
