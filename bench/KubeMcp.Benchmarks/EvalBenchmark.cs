using System.Diagnostics;
using KubeMcp.Cli.Evaluation.Running;
using KubeMcp.Cli.Evaluation.Tasks;

namespace KubeMcp.Benchmarks;

/// <summary>
/// Issue 9's benchmark: the whole evaluation suite (eval/tasks), each task on a fresh in-process cluster on a virtual
/// clock, with the offline planner and with the scripted model; wall time and pass counts. The first back-end pays
/// for warming up the process (JIT), as a fresh <c>kubemcp eval</c> does.
/// </summary>
internal static class EvalBenchmark
{
    public static async Task<string> RunAsync(int parallel = 2)
    {
        var suite = Path.Combine(RepositoryRoot(), "eval", "tasks");
        var helm = Path.Combine(RepositoryRoot(), ".validators", "bin", "helm");
        var tasks = TaskSuite.Load(suite);
        var rows = new List<string>();
        foreach (var backend in new[] { EvalBackendKind.Offline, EvalBackendKind.Scripted })
        {
            var options = new EvalOptions
            {
                Suite = suite,
                Backend = backend,
                Parallel = parallel,
                OutputDirectory = Path.Combine(Path.GetTempPath(), "kubemcp-eval-bench", backend.ToString().ToLowerInvariant()),
                HelmPath = File.Exists(helm) ? helm : null,
            };
            var wall = Stopwatch.StartNew();
            var report = await new EvalRunner(options).RunAsync(tasks, options.BackendName, CancellationToken.None);
            wall.Stop();
            var perTask = report.Results.Where(r => r.TotalSeconds > 0).Select(r => r.TotalSeconds).Order().ToList();
            rows.Add($"| {options.BackendName} | {tasks.Count} | {parallel} | {wall.Elapsed.TotalSeconds:0.0} s | {perTask[perTask.Count / 2]:0.0} s | " +
                $"{report.Passed}/{report.Scored.Count()} | {report.Errors} |");
        }
        return $"""
            | Back-end | Tasks | Parallel | Wall time | Median task | Passed | Errors |
            |---|---:|---:|---:|---:|---:|---:|
            {string.Join("\n", rows)}
            """;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeMcp.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("run the benchmark from the repository (KubeMcp.slnx not found above the binaries)");
    }
}
