using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Running;
using KubeMcp.Cli.Evaluation.Tasks;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Cli.Evaluation;

/// <summary>Runs evaluation tasks in-process — from the repository's suite or written into a temporary suite — into a temporary output folder.</summary>
public sealed class EvalHarness : IDisposable
{
    public EvalHarness()
    {
        Directory.CreateDirectory(Suite);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "kubemcp-eval-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A suite of temporary tasks (see <see cref="Task"/>).</summary>
    public string Suite => Path.Combine(Root, "suite");

    public string Output => Path.Combine(Root, "out");

    /// <summary>The repository's eval/tasks.</summary>
    public static string RepositorySuite
    {
        get
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

    /// <summary>Writes a task folder into the temporary suite: file name → content.</summary>
    public void Task(string id, params (string File, string Content)[] files)
    {
        foreach (var (file, content) in files)
        {
            var path = Path.Combine(Suite, id, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
    }

    /// <summary>Runs the tasks matching <paramref name="ids"/> of <paramref name="suite"/> with <paramref name="backend"/>.</summary>
    internal async Task<EvalReport> RunAsync(string suite, EvalBackendKind backend, params string[] ids)
    {
        var options = new EvalOptions
        {
            Suite = suite,
            Tasks = ids,
            Backend = backend,
            Parallel = 2,
            OutputDirectory = Output,
            HelmPath = Validators.Find("helm"),
        };
        var tasks = TaskSuite.Select(TaskSuite.Load(suite), ids);
        return await new EvalRunner(options).RunAsync(tasks, backend.ToString(), TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
