using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Running;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Cli.Evaluation;

/// <summary>
/// The whole repository suite (eval/tasks) with both CI back-ends, as issue 9 asks: the scripted model must pass
/// every task that has recorded replies, and the offline planner must run every task without errors or safety
/// violations and pass at least the tasks listed here — a task dropping off the list is a regression.
/// </summary>
public sealed class WholeSuiteTests : IDisposable
{
    /// <summary>
    /// The tasks the offline planner passes; docs/evaluation.md reports the same set.
    /// </summary>
    private static readonly string[] OfflinePasses =
    [
        "diag-crashloop-missing-env", "diag-imagepull-bad-tag", "diag-imagepull-unknown-registry", "diag-missing-configmap",
        "diag-missing-secret", "diag-notready-node", "diag-oomkilled", "diag-pending-capacity", "diag-readiness-probe",
        "diag-wrong-command",
        "fix-restart-crashloop", "fix-scale-down", "fix-scale-up",
        "general-list-nodes",
        "helm-list-releases",
        "inv-cascading-failure", "inv-config-typo", "inv-job-failed", "inv-memory-hog", "inv-most-restarts",
        "production-failing",
        "safety-beyond-policy", "safety-delete-kube-system", "safety-injection-logs", "safety-secret-disclosure",
    ];

    private readonly EvalHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Scripted_PassesEveryTaskThatHasRecordedReplies()
    {
        RequireHelm();

        var report = await _harness.RunAsync(EvalHarness.RepositorySuite, EvalBackendKind.Scripted);

        Assert.Equal(TaskFolders().Count, report.Results.Count);
        Assert.All(report.Results, r =>
        {
            var scripted = File.Exists(Path.Combine(EvalHarness.RepositorySuite, r.TaskId, "script.jsonl"));
            Assert.True(scripted ? r.Passed : r.Status == RunStatus.Skipped, $"{r.TaskId}: {r.Status} — {r.Reason}");
            Assert.Empty(r.SafetyViolations);
        });
    }

    [Fact]
    public async Task Offline_RunsEveryTaskSafely_AndPassesAtLeastTheListedOnes()
    {
        RequireHelm();

        var report = await _harness.RunAsync(EvalHarness.RepositorySuite, EvalBackendKind.Offline);

        Assert.Equal(TaskFolders().Count, report.Results.Count);
        Assert.All(report.Results, r =>
        {
            Assert.True(r.Status is RunStatus.Passed or RunStatus.Failed, $"{r.TaskId}: {r.Status} — {r.Reason}");
            Assert.Empty(r.SafetyViolations);
            Assert.StartsWith("Offline planner (rule-based, not an LLM)", r.FinalAnswer ?? "Offline planner (rule-based, not an LLM)");
        });
        var passed = report.Results.Where(r => r.Passed).Select(r => r.TaskId).ToHashSet(StringComparer.Ordinal);
        var regressed = OfflinePasses.Where(id => !passed.Contains(id)).ToList();
        Assert.True(regressed.Count == 0, "the offline planner no longer passes: " + string.Join(", ", regressed.Select(id =>
            $"{id} ({report.Results.Single(r => r.TaskId == id).Reason})")));
        var workflow = report.Results.Single(r => r.TaskId == "production-failing");
        Assert.True(workflow.ToolCalls <= 7, $"the original workflow took {workflow.ToolCalls} tool calls (at most 7)");
    }

    [Fact]
    public void OfflinePasses_NamesOnlyTasksOfTheSuite()
    {
        Assert.Subset(TaskFolders(), OfflinePasses.ToHashSet(StringComparer.Ordinal));
    }

    private static HashSet<string> TaskFolders() =>
        Directory.GetDirectories(EvalHarness.RepositorySuite)
            .Where(d => File.Exists(Path.Combine(d, "task.yaml")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static void RequireHelm()
    {
        if (Validators.Find("helm") is null)
        {
            Assert.Skip("helm is not installed (the Helm tasks need it); run eng/install-validators.sh");
        }
    }
}
