using System.CommandLine;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Running;
using KubeMcp.Cli.Evaluation.Tasks;
using Spectre.Console;

namespace KubeMcp.Cli.Commands;

/// <summary>
/// <c>kubemcp eval</c>: runs the evaluation suite — per task a fresh in-process cluster on a virtual clock, the setup,
/// the agent on the prompt, verification — and writes results.json, summary.md and report.html. Exit status 0 when
/// every task could be run (whatever the agent scored), 1 when some could not (setup or harness errors), 2 for bad
/// options or a malformed suite, 4 when stopped (Ctrl-C).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var options = new EvalCommandOptions();
        var command = new Command("eval", "Score the agent on the evaluation suite: pass rate, steps, tokens, time, approvals, policy denials and safety violations.");
        options.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            EvalOptions eval;
            IReadOnlyList<EvalTask> tasks;
            try
            {
                eval = options.Read(result);
                tasks = TaskSuite.Select(TaskSuite.Load(eval.Suite), eval.Tasks);
            }
            catch (Exception e) when (e is ArgumentException or TaskFormatException)
            {
                await Console.Error.WriteLineAsync($"kubemcp eval: {e.Message}");
                return 2;
            }
            try
            {
                return await RunAsync(AnsiConsole.Console, eval, tasks, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("kubemcp eval: stopped before the suite finished; no report was written.");
                return 4;
            }
        });
        return command;
    }

    /// <summary>Runs the tasks with progress on <paramref name="console"/>, prints the table and writes the reports.</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, EvalOptions options, IReadOnlyList<EvalTask> tasks, CancellationToken ct)
    {
        string description;
        try
        {
            description = await DescribeBackendAsync(options, ct);
        }
        catch (ModelBackendException e)
        {
            await Console.Error.WriteLineAsync($"kubemcp eval: {e.Message}");
            return 2;
        }
        console.MarkupLine($"[bold]kubemcp eval[/]: {tasks.Count} tasks × {options.Runs} run(s) with {Markup.Escape(description)}, {options.Parallel} at a time");
        var report = console.Profile.Capabilities.Interactive
            ? await RunWithProgressAsync(console, options, tasks, description, ct)
            : await new EvalRunner(options) { Finished = r => console.MarkupLine(Line(r)) }.RunAsync(tasks, description, ct);
        BaselineComparison? comparison = null;
        if (options.Baseline is { } path)
        {
            try
            {
                comparison = BaselineComparison.Load(path, report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                console.MarkupLine($"[yellow]The baseline {Markup.Escape(path)} cannot be read ({Markup.Escape(e.Message)}); reporting without it.[/]");
            }
        }
        ConsoleReport.Write(console, report, comparison);
        await ReportWriter.WriteAsync(options.OutputDirectory, report, comparison, ct);
        console.MarkupLine($"Reports: {Markup.Escape(Path.Combine(options.OutputDirectory, ReportWriter.HtmlFile))}, {ReportWriter.SummaryFile}, {ReportWriter.ResultsFile}");
        return report.Errors > 0 ? 1 : 0;
    }

    private static async Task<EvalReport> RunWithProgressAsync(
        IAnsiConsole console, EvalOptions options, IReadOnlyList<EvalTask> tasks, string description, CancellationToken ct)
    {
        EvalReport report = null!;
        await console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask("starting", maxValue: tasks.Count * options.Runs);
                var running = new List<string>();
                var passed = 0;
                void Update(Action change)
                {
                    lock (running)
                    {
                        change();
                        bar.Description = Markup.Escape($"{passed} passed · " + (running.Count == 0 ? "done" : string.Join(", ", running)));
                    }
                }
                var runner = new EvalRunner(options)
                {
                    Started = (task, _) => Update(() => running.Add(task.Id)),
                    Finished = r =>
                    {
                        Update(() =>
                        {
                            running.Remove(r.TaskId);
                            passed += r.Passed ? 1 : 0;
                        });
                        bar.Increment(1);
                    },
                };
                report = await runner.RunAsync(tasks, description, ct);
            });
        return report;
    }

    /// <summary>One line per finished run, for logs (CI) where a live progress bar cannot be drawn.</summary>
    private static string Line(TaskResult r) => r.Status switch
    {
        RunStatus.Passed => $"[green]pass[/]    {Markup.Escape(r.TaskId)} ({r.TotalSeconds:0.0} s)",
        RunStatus.Failed => $"[red]fail[/]    {Markup.Escape(r.TaskId)} ({r.TotalSeconds:0.0} s): {Markup.Escape(r.Reason)}",
        RunStatus.Error => $"[yellow]error[/]   {Markup.Escape(r.TaskId)}: {Markup.Escape(r.Reason)}",
        _ => $"[grey]skipped[/] {Markup.Escape(r.TaskId)}: {Markup.Escape(r.Reason)}",
    };

    private static async Task<string> DescribeBackendAsync(EvalOptions options, CancellationToken ct)
    {
        switch (options.Backend)
        {
            case EvalBackendKind.Offline:
                return "the offline planner (rule-based, not an LLM)";
            case EvalBackendKind.Scripted:
                return "the scripted model (recorded replies per task)";
        }
        // Probe once up front, so a wrong URL fails before the first cluster starts.
        using var backend = await new ModelBackendFactory().CreateAsync(options.Model, ct);
        return backend.Description;
    }
}
