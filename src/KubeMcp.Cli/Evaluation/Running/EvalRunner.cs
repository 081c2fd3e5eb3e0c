using System.Collections.Concurrent;
using System.Diagnostics;
using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Tasks;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>Runs the selected tasks (<see cref="EvalOptions.Runs"/> times each, <see cref="EvalOptions.Parallel"/> at once) and collects the report.</summary>
internal sealed class EvalRunner(EvalOptions options)
{
    /// <summary>Called when a run starts (task, run number) and when it finishes (its result); from any thread.</summary>
    public Action<EvalTask, int>? Started { get; init; }

    public Action<TaskResult>? Finished { get; init; }

    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalTask> tasks, string backendDescription, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        var runner = new TaskRunner(options);
        var work = tasks.SelectMany(t => Enumerable.Range(1, options.Runs).Select(run => (Task: t, Run: run))).ToList();
        var results = new ConcurrentBag<TaskResult>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = ct }, async (item, token) =>
        {
            Started?.Invoke(item.Task, item.Run);
            TaskResult result;
            try
            {
                result = await runner.RunAsync(item.Task, item.Run, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken task must not cost the results of the others: it is reported, with what went wrong.
                result = TaskResult.For(item.Task, item.Run, RunStatus.Error, $"internal error: {e.GetType().Name}: {e.Message}");
            }
            results.Add(result);
            Finished?.Invoke(result);
        }).ConfigureAwait(false);
        return new EvalReport
        {
            Suite = options.Suite,
            Backend = options.BackendName,
            BackendDescription = backendDescription,
            StartedAt = started,
            WallSeconds = wall.Elapsed.TotalSeconds,
            Runs = options.Runs,
            Parallel = options.Parallel,
            Results = [.. results.OrderBy(r => r.TaskId, StringComparer.Ordinal).ThenBy(r => r.Run)],
        };
    }
}
