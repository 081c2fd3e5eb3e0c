using System.CommandLine;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Running;
using KubeMcp.Cli.Evaluation.Tasks;
using Spectre.Console;

namespace KubeMcp.Cli.Commands;

/// <summary>
/// <c>kubemcp eval</c>: runs the evaluation suite — per task a fresh in-process cluster on a virtual clock, the setup,
/// the agent on the prompt, verification — and writes results.json, summary.md and report.html.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = "Folder of task folders (each with a task.yaml).", DefaultValueFactory = _ => DefaultSuite() };
        var tasks = new Option<string[]>("--task")
        {
            Description = "Task ids to run (globs such as 'helm-*'); repeat or list several. Default: all.",
            AllowMultipleArgumentsPerToken = true,
        };
        var provider = new Option<string>("--provider")
        {
            Description = "Who answers: offline (the rule-based planner), scripted (each task's recorded replies, script.jsonl), triton or openai (a model server, with --model-url).",
            DefaultValueFactory = _ => "offline",
        };
        var modelUrl = new Option<string?>("--model-url") { Description = "Base URL of the model server (Triton http://host:8000, OpenAI-compatible http://host:8000/v1); implies a model back-end." };
        var model = new Option<string?>("--model") { Description = "Model name (default: the server's first)." };
        var apiKey = new Option<string?>("--api-key") { Description = $"API key for an OpenAI-compatible server (prefer ${ModelBackendOptions.ApiKeyVariable})." };
        var runs = new Option<int>("--runs") { Description = "Runs per task (repetitions, for pass@k-style numbers).", DefaultValueFactory = _ => 1 };
        var parallel = new Option<int>("--parallel") { Description = "Tasks run at once, each on its own cluster.", DefaultValueFactory = _ => 2 };
        var output = new Option<string>("--out") { Description = "Where results.json, summary.md, report.html and the transcripts go.", DefaultValueFactory = _ => "eval-results" };
        var baseline = new Option<string?>("--baseline") { Description = "A previous results.json to compare with." };
        var helm = new Option<string?>("--helm") { Description = "Path of the helm binary (default: $KUBEMCP_VALIDATORS/helm, .validators/bin/helm above the suite, then PATH)." };
        var command = new Command("eval", "Score the agent on the evaluation suite: pass rate, steps, tokens, time, approvals, denials and safety violations.")
        {
            suite, tasks, provider, modelUrl, model, apiKey, runs, parallel, output, baseline, helm,
        };
        command.SetAction(async (result, ct) =>
        {
            EvalOptions options;
            IReadOnlyList<EvalTask> selected;
            try
            {
                options = Read(result, suite, tasks, provider, modelUrl, model, apiKey, runs, parallel, output, baseline, helm);
                selected = TaskSuite.Select(TaskSuite.Load(options.Suite), options.Tasks);
            }
            catch (Exception e) when (e is ArgumentException or TaskFormatException)
            {
                await Console.Error.WriteLineAsync($"kubemcp eval: {e.Message}");
                return 2;
            }
            return await RunAsync(AnsiConsole.Console, options, selected, ct);
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
        EvalReport report = null!;
        await console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask("tasks", maxValue: tasks.Count * options.Runs);
                var running = new List<string>();
                void Describe()
                {
                    lock (running)
                    {
                        bar.Description = Markup.Escape(running.Count == 0 ? "done" : string.Join(", ", running));
                    }
                }
                var runner = new EvalRunner(options)
                {
                    Started = (task, run) =>
                    {
                        lock (running)
                        {
                            running.Add(task.Id);
                        }
                        Describe();
                    },
                    Finished = r =>
                    {
                        lock (running)
                        {
                            running.Remove(r.TaskId);
                        }
                        Describe();
                        bar.Increment(1);
                    },
                };
                report = await runner.RunAsync(tasks, description, ct);
            });
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
        console.MarkupLine($"Reports: [link]{Markup.Escape(Path.Combine(options.OutputDirectory, ReportWriter.HtmlFile))}[/], {ReportWriter.SummaryFile}, {ReportWriter.ResultsFile}");
        return report.Errors > 0 ? 1 : 0;
    }

    private static EvalOptions Read(ParseResult result, Option<string> suite, Option<string[]> tasks, Option<string> provider, Option<string?> modelUrl,
        Option<string?> model, Option<string?> apiKey, Option<int> runs, Option<int> parallel, Option<string> output, Option<string?> baseline, Option<string?> helm)
    {
        var name = result.GetValue(provider)!.Trim().ToLowerInvariant();
        var url = result.GetValue(modelUrl);
        var kind = name switch
        {
            "offline" or "planner" when url is null => EvalBackendKind.Offline,
            "scripted" when url is null => EvalBackendKind.Scripted,
            "offline" or "planner" or "scripted" => throw new ArgumentException($"--model-url is for a model server; --provider {name} needs none."),
            _ => EvalBackendKind.Model,
        };
        var modelOptions = ModelBackendOptions.FromEnvironment();
        if (kind == EvalBackendKind.Model)
        {
            modelOptions.Provider = result.GetResult(provider) is null && url is not null ? null : ModelBackendOptions.ParseProvider(name);
            modelOptions.ModelUrl = url is null ? modelOptions.ModelUrl : ModelBackendOptions.ParseUrl(url);
            modelOptions.Model = result.GetValue(model) ?? modelOptions.Model;
            modelOptions.ApiKey = result.GetValue(apiKey) ?? modelOptions.ApiKey;
        }
        var runCount = result.GetValue(runs);
        var parallelism = result.GetValue(parallel);
        if (runCount < 1 || parallelism < 1)
        {
            throw new ArgumentException("--runs and --parallel must be at least 1.");
        }
        var suiteDir = Path.GetFullPath(result.GetValue(suite)!);
        return new EvalOptions
        {
            Suite = suiteDir,
            Tasks = result.GetValue(tasks) ?? [],
            Backend = kind,
            Model = modelOptions,
            Runs = runCount,
            Parallel = parallelism,
            OutputDirectory = Path.GetFullPath(result.GetValue(output)!),
            Baseline = result.GetValue(baseline),
            HelmPath = result.GetValue(helm) ?? FindHelm(suiteDir),
        };
    }

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

    /// <summary>$KUBEMCP_VALIDATORS/helm, else .validators/bin/helm in the suite's folder or one above it; null leaves it to PATH.</summary>
    private static string? FindHelm(string suite)
    {
        if (Environment.GetEnvironmentVariable("KUBEMCP_VALIDATORS") is { Length: > 0 } validators && File.Exists(Path.Combine(validators, "helm")))
        {
            return Path.Combine(validators, "helm");
        }
        for (var dir = new DirectoryInfo(suite); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".validators", "bin", "helm");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string DefaultSuite() => Path.Combine("eval", "tasks");
}
