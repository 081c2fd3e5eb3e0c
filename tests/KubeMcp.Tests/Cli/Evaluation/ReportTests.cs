using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Safety;
using Spectre.Console;

namespace KubeMcp.Tests.Cli.Evaluation;

public sealed class ReportTests
{
    private static TaskResult Result(string id, string category, RunStatus status, long tokens = 100, int steps = 3, string reason = "r") => new()
    {
        TaskId = id,
        Category = category,
        Difficulty = "easy",
        Status = status,
        Reason = reason,
        Steps = steps,
        ToolCalls = steps - 1,
        PromptTokens = tokens,
        CompletionTokens = tokens / 10,
        AgentSeconds = 0.5,
        TotalSeconds = 2,
    };

    private static EvalReport Report(params TaskResult[] results) => new()
    {
        Suite = "/suite",
        Backend = "scripted",
        BackendDescription = "the scripted model",
        StartedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero),
        WallSeconds = 12.5,
        Results = results,
    };

    [Fact]
    public void Report_CountsPassRateOverScoredRunsOnly()
    {
        var report = Report(Result("a", "fix", RunStatus.Passed), Result("b", "fix", RunStatus.Failed), Result("c", "helm", RunStatus.Skipped),
            Result("d", "safety", RunStatus.Error));

        Assert.Equal((1, 1, 1, 1), (report.Passed, report.Failed, report.Skipped, report.Errors));
        Assert.Equal(1.0 / 3, report.PassRate, 6);
        Assert.Equal([("fix", 1, 2, 0), ("helm", 0, 0, 1), ("safety", 0, 1, 0)],
            CategorySummary.Of(report).Select(c => (c.Category, c.Passed, c.Scored, c.Skipped)));
    }

    [Fact]
    public void Json_RoundTripsEveryField()
    {
        var report = Report(new TaskResult
        {
            TaskId = "a",
            Category = "safety",
            Difficulty = "hard",
            Status = RunStatus.Failed,
            Reason = "safety: attempted",
            Checks = [new CheckResult("answer", false, "missing")],
            SafetyViolations = [new SafetyViolation("no-kube-system", 2, "pods_delete(name=x)", Executed: false)],
            ToolSequence = ["pods_list", "pods_delete"],
            ApprovalsAsked = 1,
            PolicyDenials = 1,
        });

        var json = report.ToJson();
        var back = EvalReport.FromJson(json);

        Assert.Contains("\"status\": \"failed\"", json);
        Assert.Equal(report.StartedAt, back.StartedAt);
        var a = Assert.Single(back.Results);
        Assert.Equal((RunStatus.Failed, "hard", 1, 1), (a.Status, a.Difficulty, a.ApprovalsAsked, a.PolicyDenials));
        Assert.Equal(new SafetyViolation("no-kube-system", 2, "pods_delete(name=x)", false), Assert.Single(a.SafetyViolations));
        Assert.Equal(new CheckResult("answer", false, "missing"), Assert.Single(a.Checks));
        Assert.Equal(["pods_list", "pods_delete"], a.ToolSequence);
        Assert.Throws<System.Text.Json.JsonException>(() => EvalReport.FromJson("[]"));
    }

    [Fact]
    public void Baseline_ClassifiesEveryTask()
    {
        var before = Report(Result("same", "fix", RunStatus.Passed), Result("better", "fix", RunStatus.Failed), Result("worse", "fix", RunStatus.Passed),
            Result("gone", "fix", RunStatus.Passed));
        var now = Report(Result("same", "fix", RunStatus.Passed), Result("better", "fix", RunStatus.Passed), Result("worse", "fix", RunStatus.Failed),
            Result("new", "fix", RunStatus.Passed));

        var comparison = BaselineComparison.Compare(before, now);

        Assert.Equal([("better", "improved"), ("gone", "missing"), ("new", "new"), ("same", "same"), ("worse", "regressed")],
            comparison.Tasks.Select(t => (t.TaskId, t.Change)));
        Assert.Equal(["worse"], comparison.Regressions.Select(t => t.TaskId));
        Assert.Equal((1.0, 0.0), (comparison.Tasks[0].PassRateNow!.Value, comparison.Tasks[0].PassRateBefore!.Value));
    }

    [Fact]
    public void Markdown_HasTotalsCategoriesTasksAndTheBaseline()
    {
        var now = Report(Result("diag-a", "diagnosis", RunStatus.Passed), Result("fix-b", "fix", RunStatus.Failed, reason: "field is \"2\" | not 3"));
        var before = Report(Result("diag-a", "diagnosis", RunStatus.Failed), Result("fix-b", "fix", RunStatus.Failed));

        var md = MarkdownReport.Write(now, BaselineComparison.Compare(before, now));

        Assert.Contains("**Passed 1 of 2 (50 %)**", md);
        Assert.Contains("| diagnosis | 1/1 | 100 % |", md);
        Assert.Contains("| fix-b | 1 | ❌ fail |", md);
        Assert.Contains("field is \"2\" \\| not 3", md);
        Assert.Contains("## Compared with the baseline", md);
        Assert.Contains("| diag-a | 0 % | 100 % |", md);
    }

    [Fact]
    public void Html_IsSelfContained_WithChartsAndEscapedText()
    {
        var now = Report(Result("diag-a", "diagnosis", RunStatus.Passed, tokens: 2000), Result("<script>x</script>", "fix", RunStatus.Failed, reason: "a < b & c"));

        var html = HtmlReport.Write(now, BaselineComparison.Compare(now, now));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Equal(4, html.Split("<svg ").Length - 1); // categories, tokens, steps, baseline per task
        Assert.Contains("Pass rate by category", html);
        Assert.Contains("Tokens per task", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html);
        Assert.Contains("a &lt; b &amp; c", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Console_PrintsARowPerRunAndTheReasonsOfFailures()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;

        ConsoleReport.Write(console, Report(Result("diag-a", "diagnosis", RunStatus.Passed), Result("fix-b", "fix", RunStatus.Failed, reason: "replicas is 2")), null);

        Assert.Contains("diag-a", output.ToString());
        Assert.Contains("fix-b: replicas is 2", output.ToString());
        Assert.Contains("Passed 1 of 2 (50 %)", output.ToString());
    }
}
