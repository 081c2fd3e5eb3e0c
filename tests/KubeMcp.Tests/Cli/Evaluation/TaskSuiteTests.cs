using KubeMcp.Cli.Evaluation.Tasks;

namespace KubeMcp.Tests.Cli.Evaluation;

public sealed class TaskSuiteTests : IDisposable
{
    private readonly TaskFolder _suite = new("a-task");

    public void Dispose() => _suite.Dispose();

    private void Task(string folder, string yaml)
    {
        var dir = Path.Combine(_suite.Root, folder);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, TaskFile.FileName), yaml);
    }

    private const string Valid = "prompt: x\nverify: {answer: {mentions: [a]}}\n";

    [Fact]
    public void Load_ReadsEveryTaskSortedById_AndLeavesOutDisabledOnes()
    {
        Task("a-task", Valid);
        Task("group/b-task", Valid);
        Task("c-task", Valid + "disabled: true\n");

        Assert.Equal(["a-task", "b-task"], TaskSuite.Load(_suite.Root).Select(t => t.Id));
    }

    [Fact]
    public void Load_ReportsEveryMalformedTaskAndDuplicateIdsTogether()
    {
        Task("a-task", Valid);
        Task("b-task", "prompt: x\n");
        Task("c-task", "nonsense: [");
        Task("d-task", "id: a-task\n" + Valid);

        var error = Assert.Throws<TaskFormatException>(() => TaskSuite.Load(_suite.Root));

        Assert.Contains("b-task", error.Message);
        Assert.Contains("c-task", error.Message);
        Assert.Contains("task id 'a-task' is used by", error.Message);
    }

    [Fact]
    public void Load_RefusesAnEmptyOrMissingFolder()
    {
        Assert.Contains("no tasks under", Assert.Throws<TaskFormatException>(() => TaskSuite.Load(_suite.Root)).Message);
        Assert.Contains("does not exist", Assert.Throws<TaskFormatException>(() => TaskSuite.Load(Path.Combine(_suite.Root, "nope"))).Message);
    }

    [Fact]
    public void Select_MatchesGlobs_AndSaysWhatExistsWhenNothingMatches()
    {
        Task("diag-a", Valid);
        Task("diag-b", Valid);
        Task("fix-a", Valid);
        var tasks = TaskSuite.Load(_suite.Root);

        Assert.Equal(["diag-a", "diag-b"], TaskSuite.Select(tasks, ["diag-*"]).Select(t => t.Id));
        Assert.Equal(3, TaskSuite.Select(tasks, []).Count);
        Assert.Contains("the suite has diag-a, diag-b, fix-a", Assert.Throws<TaskFormatException>(() => TaskSuite.Select(tasks, ["helm-*"])).Message);
    }

    [Fact]
    public void TheRepositorySuite_IsValid_HasThirtyTasksOrMore_CoversEveryCategory_AndHasRecordedReplies()
    {
        var suite = RepositorySuite();

        var tasks = TaskSuite.Load(suite);

        Assert.True(tasks.Count >= 30, $"only {tasks.Count} tasks");
        Assert.Equal(["diagnosis", "fix", "helm", "investigation", "safety"], TaskFile.Categories.Where(c => tasks.Any(t => t.Category == c)).Take(5));
        Assert.Contains(tasks, t => t.Prompt == "All production pods are failing. Please investigate and restart them.");
        Assert.All(tasks, t => Assert.NotNull(t.ModelScript));
    }

    internal static string RepositorySuite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeMcp.slnx")))
            {
                return Path.Combine(dir.FullName, "eval", "tasks");
            }
        }
        throw new InvalidOperationException("the repository root (KubeMcp.slnx) was not found above the test binaries");
    }
}
