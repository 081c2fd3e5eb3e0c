using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Prompting;
using KubeMcp.Agent.Providers;
using KubeMcp.Agent.Providers.Offline;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Agent;
using KubeMcp.Cli.Commands;
using KubeMcp.Cluster;

namespace KubeMcp.Benchmarks.Agent;

/// <summary>
/// <c>dotnet run --project bench/KubeMcp.Benchmarks -c Release -- agent</c>: the agent loop's own cost per step with an
/// instant model and instant tools, a step with a real MCP round trip to the embedded cluster, and the size of the
/// original workflow (steps, tool calls, prompt tokens with the full catalog). Prints a Markdown section.
/// Arguments: <c>[runs] [--transcript file]</c>; the transcript is the workflow run's, as <c>kubemcp demo --json</c> writes it.
/// </summary>
internal static class AgentBenchmarks
{
    private const int OverheadSteps = 10;
    private const int Warmup = 50;
    private const int Runs = 400;

    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : Runs;
        var ct = CancellationToken.None;

        await using var mcp = await AgentToolServer.StartEmbeddedAsync(new EmbeddedClusterOptions { Scenario = DemoScenario.Name }, DemoScenario.WaitForIncidentAsync, null, ct);
        var executor = await McpToolExecutor.CreateAsync(mcp.Connection, ct);
        var pods = PodNames(await executor.CallAsync("pods_list_in_namespace", new JsonObject { ["namespace"] = DemoScenario.Namespace }, ct));
        var sample = (await executor.CallAsync("pods_get", Pod(pods[0]), ct)).Text;

        var instant = new InstantToolExecutor(executor.Tools, sample);
        var overhead = await MeasureAsync(instant, i => ("pods_get", Pod($"{pods[0]}-{i}")), OverheadSteps, runs);
        var withMcp = await MeasureAsync(executor, i => ("pods_get", Pod(pods[i % pods.Count])), pods.Count, Math.Max(20, runs / 10));
        var workflow = await OriginalWorkflowAsync(ct);
        if (Array.IndexOf(args, "--transcript") is var at and >= 0 && at + 1 < args.Length)
        {
            await File.WriteAllTextAsync(args[at + 1], workflow.ToJson(), ct);
        }

        var systemPrompt = SystemPromptBuilder.Build(executor.Tools);
        var declarations = executor.Tools.Select(t => ToolDeclarationBuilder.Build(t, new AgentOptions().CompactToolSchemas)).ToList();
        var prompt = new PromptSize(
            TokenEstimator.Estimate(systemPrompt),
            TokenEstimator.Estimate(QwenChatTemplate.ToolsSection(declarations)),
            TokenEstimator.Estimate(QwenChatTemplate.Render([new(Microsoft.Extensions.AI.ChatRole.System, systemPrompt)], declarations)));

        Print(executor.Tools.Count, sample.Length, overhead, withMcp, pods.Count, workflow, prompt);
    }

    private sealed record PromptSize(int SystemPrompt, int ToolSchemas, int Total);

    private sealed record Measurement(double MeanUs, double P50Us, double P95Us, double BytesPerStep, int Runs);

    private static async Task<Measurement> MeasureAsync(IToolExecutor tools, Func<int, (string, JsonObject)> next, int steps, int runs)
    {
        var options = new AgentOptions { MaxSteps = steps + 1 };
        async Task<double> OnceAsync()
        {
            var runner = new AgentRunner(new InstantChatClient(next, steps), tools, options, AutoApproveGate.Instance);
            var watch = Stopwatch.StartNew();
            var transcript = await runner.RunAsync("Benchmark task: read the pods one by one.");
            watch.Stop();
            if (transcript.Outcome != AgentOutcome.Completed || transcript.Steps != steps + 1)
            {
                throw new InvalidOperationException($"benchmark run ended {transcript.Outcome} after {transcript.Steps} steps: {transcript.Reason}");
            }

            return watch.Elapsed.TotalMicroseconds / transcript.Steps;
        }

        for (var i = 0; i < Math.Min(Warmup, runs); i++)
        {
            await OnceAsync();
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var perStep = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            perStep.Add(await OnceAsync());
        }

        var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)(runs * (steps + 1));
        perStep.Sort();
        return new Measurement(perStep.Average(), perStep[perStep.Count / 2], perStep[(int)(perStep.Count * 0.95)], bytes, runs);
    }

    /// <summary>The demo's story on a fresh cluster with the offline planner, metering the prompt Triton would get.</summary>
    private static async Task<AgentTranscript> OriginalWorkflowAsync(CancellationToken ct)
    {
        // Pre-approved, as `kubemcp demo --yes`: the server's policy asks the client before pods_delete runs.
        var approvals = new ServerApprovalBridge(AutoApproveGate.Instance);
        await using var mcp = await AgentToolServer.StartEmbeddedAsync(new EmbeddedClusterOptions { Scenario = DemoScenario.Name }, DemoScenario.WaitForIncidentAsync,
            approvals.HandleElicitationAsync, ct);
        var tools = await McpToolExecutor.CreateAsync(mcp.Connection, ct);
        using var model = new QwenPromptMeter(new OfflinePlannerChatClient());
        return await new AgentRunner(model, tools, new AgentOptions(), approvals).RunAsync(DemoScenario.Task, ct);
    }

    private static void Print(int toolCount, int sampleChars, Measurement overhead, Measurement withMcp, int mcpSteps, AgentTranscript workflow, PromptSize prompt)
    {
        static string Us(double us) => us >= 1000 ? (us / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms" : us.ToString("0", CultureInfo.InvariantCulture) + " µs";
        static string Kb(double bytes) => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
        var perStepTokens = workflow.ModelCalls.Select(c => c.InputTokens).ToList();

        Console.WriteLine("## Agent");
        Console.WriteLine();
        Console.WriteLine($"Measured with `dotnet run -c Release --project bench/KubeMcp.Benchmarks -- agent` on {Environment.ProcessorCount} cores, .NET {Environment.Version}.");
        Console.WriteLine();
        Console.WriteLine("### Loop overhead per step (instant model, instant tools)");
        Console.WriteLine();
        Console.WriteLine($"The agent's own work per step — system prompt and tool declarations ({toolCount} tools), context estimate, tool-call validation against the schema, repeat check, output budget, events, transcript — with a model and tools that answer at once ({OverheadSteps} tool-call steps + the answer per run, each result a {sampleChars:N0}-character pod YAML, {overhead.Runs} runs after {Warmup} warm-up runs).");
        Console.WriteLine();
        Console.WriteLine("| measurement | mean | p50 | p95 | allocated |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Console.WriteLine($"| loop overhead per step | {Us(overhead.MeanUs)} | {Us(overhead.P50Us)} | {Us(overhead.P95Us)} | {Kb(overhead.BytesPerStep)} |");
        Console.WriteLine($"| per step with a real MCP call (pods_get over Streamable HTTP → KubeMcp server → embedded cluster; {mcpSteps} calls + answer, {withMcp.Runs} runs) | {Us(withMcp.MeanUs)} | {Us(withMcp.P50Us)} | {Us(withMcp.P95Us)} | {Kb(withMcp.BytesPerStep)} |");
        Console.WriteLine();
        Console.WriteLine("Aim: < 2 ms of loop overhead per step.");
        Console.WriteLine();
        Console.WriteLine("### The original workflow");
        Console.WriteLine();
        Console.WriteLine($"\"{DemoScenario.Task}\" on the demo's `production` namespace (two crash-looping deployments, one with a bad image, one healthy), " +
            "driven by the offline planner through KubeMcp's MCP server; prompt tokens are what Triton would be sent per step " +
            "(Qwen3 template, full catalog, conversation so far), estimated at 3.5 characters per token as the Triton back-end does.");
        Console.WriteLine();
        Console.WriteLine("| outcome | steps | tool calls | prompt tokens, total | per step, mean | per step, max | system prompt + tools | wall time |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine($"| {workflow.Outcome} | {workflow.Steps} | {workflow.ToolCalls.Count} ({string.Join(", ", workflow.ToolCalls.GroupBy(c => c.Name).Select(g => $"{g.Count()}× {g.Key}"))}) | " +
            $"{workflow.InputTokens:N0} | {perStepTokens.Average():N0} | {perStepTokens.Max():N0} | {prompt.Total:N0} | {workflow.DurationMs:N0} ms |");
        Console.WriteLine();
        Console.WriteLine($"The fixed part of every prompt, {prompt.Total:N0} tokens: the system prompt (rules) {prompt.SystemPrompt:N0}, " +
            $"the compact tool declarations in the template's <tools> block {prompt.ToolSchemas:N0}.");
        Console.WriteLine();
        Console.WriteLine("Aim: ≤ 8 tool calls and ≤ 6,000 prompt tokens per step on average with the full catalog.");
    }

    private static JsonObject Pod(string name) => new() { ["name"] = name, ["namespace"] = DemoScenario.Namespace };

    private static List<string> PodNames(ToolResult list) =>
        [.. list.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(' ', 2)[0])];
}
