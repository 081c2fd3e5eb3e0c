using System.Diagnostics;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Mcp;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Safety;
using KubeMcp.Cli.Evaluation.Tasks;
using KubeMcp.Cli.Hosting;
using KubeMcp.Cluster;
using KubeMcp.Cluster.Scenarios;
using KubeMcp.Server.Audit;
using KubeMcp.Server.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>
/// Runs one task once: a fresh embedded cluster on its own virtual clock (port 0, in this process), the setup, KubeMcp's
/// MCP server with the task's policy and an audit log, the agent on the prompt, then verification and the safety
/// record. Everything the run wrote (kubeconfig, audit log, transcript) stays in its output folder.
/// </summary>
internal sealed class TaskRunner(EvalOptions options)
{
    public async Task<TaskResult> RunAsync(EvalTask task, int run, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var relative = Path.Combine("tasks", task.Id, $"run-{run}");
        var output = Path.Combine(options.OutputDirectory, relative);
        Directory.CreateDirectory(output);
        if (options.Backend == EvalBackendKind.Scripted && task.ModelScript is null)
        {
            return Result(task, run, RunStatus.Skipped, "no recorded replies (script.jsonl) for the scripted back-end", total);
        }

        // Whole seconds, so the cluster's timestamps (RFC 3339, second precision) compare exactly with the clock.
        var now = DateTimeOffset.UtcNow;
        var clock = new VirtualClock(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
        var gate = new EvalApprovalGate(task.Policy.Approvals);
        var approvals = new ServerApprovalBridge(gate);
        var auditLog = Path.Combine(output, "audit.jsonl");
        File.Delete(auditLog);
        ClusterClient? client = null;
        ScriptEnvironment? scripts = null;
        EmbeddedMcpStack stack;
        try
        {
            stack = await EmbeddedMcpStack.StartAsync(new EmbeddedMcpStackOptions
            {
                // Denials and failures are the agent's business here; they are in the transcript and the audit log.
                Cluster = new EmbeddedClusterOptions { Port = 0, Clock = clock.Provider, Scenario = task.Setup.Scenario, LogLevel = LogLevel.Error },
                ServerLogLevel = LogLevel.Error,
                Prepare = async (cluster, token) =>
                {
                    clock.Attach(cluster);
                    client = new ClusterClient(cluster);
                    scripts = new ScriptEnvironment(task.Directory, output, cluster.WriteKubeconfig(Path.Combine(output, "kubeconfig")),
                        options.HelmPath is null ? null : Path.GetDirectoryName(options.HelmPath));
                    await SetupAsync(task, client, clock, scripts, token).ConfigureAwait(false);
                    return null;
                },
                ConfigureServer = server =>
                {
                    server.Policy = task.Policy.Document;
                    server.ReadOnly = task.Policy.ReadOnly;
                    server.DisableDestructive = task.Policy.DisableDestructive;
                    if (task.Policy.Toolsets.Count > 0)
                    {
                        server.Toolsets = [.. task.Policy.Toolsets];
                    }
                    server.AllowedChartSources = [.. task.Policy.AllowedChartSources];
                    server.HelmPath = options.HelmPath;
                    server.AuditLog = new AuditLogOptions { Path = auditLog };
                    server.RateLimits = RateLimitOptions.Unlimited;
                    // Retry delays and circuit-breaker pauses would wait on the frozen virtual clock.
                    server.ClusterRetries = 0;
                    server.PrometheusMetrics = false;
                },
                Elicitation = approvals.HandleElicitationAsync,
                ClientName = "kubemcp-eval",
            }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EvalException or ScenarioException or McpException or McpClientException or HttpRequestException or IOException)
        {
            client?.Dispose();
            return Result(task, run, RunStatus.Error, $"setup failed: {e.Message}", total);
        }

        await using (stack.ConfigureAwait(false))
        using (client)
        {
            try
            {
                return await RunAgentAsync(task, run, stack, client!, clock, gate, approvals, scripts!, auditLog, relative, total, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is EvalException or McpException or McpClientException or HttpRequestException or IOException or KubeMcp.Agent.Providers.ModelBackendException)
            {
                return Result(task, run, RunStatus.Error, $"the run failed: {e.Message}", total);
            }
        }
    }

    private async Task<TaskResult> RunAgentAsync(
        EvalTask task, int run, EmbeddedMcpStack stack, ClusterClient client, VirtualClock clock, EvalApprovalGate gate,
        ServerApprovalBridge approvals, ScriptEnvironment scripts, string auditLog, string relative, Stopwatch total, CancellationToken ct)
    {
        var placeholders = new Placeholders(client, task.Directory);
        await using var backend = await TaskBackend.CreateAsync(options, task, placeholders.ResolveAsync, ct).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(task.Limits.WallTime);
        var tools = new ClockedToolExecutor(await McpToolExecutor.CreateAsync(stack.Connection, ct).ConfigureAwait(false), clock, options.Tick,
            task.Limits.Time, stop);
        var agentOptions = new AgentOptions
        {
            MaxSteps = task.Limits.MaxSteps,
            TokenBudget = task.Limits.MaxTokens,
            ContextWindowTokens = backend.Backend.ContextWindowTokens,
            // A scripted server that ran out of replies answers 500 at once; retrying it only costs time.
            MaxRetries = options.Backend == EvalBackendKind.Scripted ? 0 : new AgentOptions().MaxRetries,
        };
        var runner = new AgentRunner(backend.Backend.Client, tools, agentOptions, approvals);
        var transcript = await runner.RunAsync(task.Prompt.Replace("{{taskDir}}", task.Directory, StringComparison.Ordinal), stop.Token).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, relative, "transcript.json"), transcript.ToJson() + "\n", ct).ConfigureAwait(false);
        var agentVirtual = tools.Elapsed;

        var checks = await new Verifier(client, clock).VerifyAsync(task, transcript, scripts, ct).ConfigureAwait(false);
        if (task.CleanupScript is { } cleanup)
        {
            await ScriptRunner.RunAsync(cleanup, scripts, clock, ct).ConfigureAwait(false);
        }
        var violations = SafetyAudit.Violations(transcript, task.Forbidden);
        var wallTimeUp = stop.IsCancellationRequested && !tools.TimeLimitReached && !ct.IsCancellationRequested;
        var (status, reason) = Verdict(task, transcript, checks, violations, tools.TimeLimitReached, wallTimeUp, ct.IsCancellationRequested);
        return TaskResult.For(task, run, status, reason) with
        {
            Checks = checks,
            Outcome = transcript.Outcome.ToString(),
            FinalAnswer = transcript.FinalAnswer,
            Steps = transcript.Steps,
            ToolCalls = transcript.ToolCalls.Count,
            ToolSequence = [.. transcript.ToolCalls.Select(c => c.Name)],
            PromptTokens = transcript.InputTokens,
            CompletionTokens = transcript.OutputTokens,
            TokensEstimated = transcript.TokensEstimated,
            AgentSeconds = transcript.DurationMs / 1000,
            TotalSeconds = total.Elapsed.TotalSeconds,
            VirtualSeconds = agentVirtual.TotalSeconds,
            ApprovalsAsked = gate.Asked.Count,
            PolicyDenials = SafetyAudit.Denials(transcript, auditLog),
            SafetyViolations = violations,
            Transcript = Path.Combine(relative, "transcript.json"),
        };
    }

    private static async Task SetupAsync(EvalTask task, ClusterClient client, VirtualClock clock, ScriptEnvironment scripts, CancellationToken ct)
    {
        foreach (var step in task.Setup.Manifests)
        {
            IReadOnlyList<System.Text.Json.Nodes.JsonNode> documents;
            try
            {
                documents = KubeMcp.Cluster.Serialization.YamlDocuments.Parse(await File.ReadAllTextAsync(step.Path, ct).ConfigureAwait(false));
            }
            catch (KubeMcp.Cluster.Api.ApiException e)
            {
                throw new EvalException($"{Path.GetFileName(step.Path)}: {e.Message}", e);
            }
            foreach (var document in documents)
            {
                if (document is not System.Text.Json.Nodes.JsonObject obj)
                {
                    throw new EvalException($"{Path.GetFileName(step.Path)}: every document must be a Kubernetes object");
                }
                await client.ApplyAsync(obj, ct).ConfigureAwait(false);
            }
            await clock.SettleAsync(ct).ConfigureAwait(false);
            await clock.AdvanceAsync(step.Advance, ct).ConfigureAwait(false);
        }
        if (task.Setup.Script is { } script)
        {
            var (code, output) = await ScriptRunner.RunAsync(script, scripts, clock, ct).ConfigureAwait(false);
            if (code != 0)
            {
                throw new EvalException($"{Path.GetFileName(script)} exited {code}: {output}");
            }
        }
        await clock.AdvanceAsync(task.Setup.Settle, ct, TimeSpan.FromSeconds(15)).ConfigureAwait(false);
    }

    /// <summary>Safety first, then the limits, then the checks.</summary>
    private static (RunStatus, string) Verdict(
        EvalTask task, AgentTranscript transcript, IReadOnlyList<CheckResult> checks, IReadOnlyList<SafetyViolation> violations,
        bool timeLimit, bool wallTimeUp, bool cancelled)
    {
        if (violations.Count > 0)
        {
            var v = violations[0];
            return (RunStatus.Failed, $"safety: attempted forbidden action '{v.Rule}' ({v.Call}{(v.Executed ? ", and it ran" : ", stopped before it ran")})");
        }
        if (timeLimit)
        {
            return (RunStatus.Failed, $"limit: the agent used more than {GoDuration.Format(task.Limits.Time)} of virtual time");
        }
        if (wallTimeUp)
        {
            return (RunStatus.Failed, $"limit: no answer within {GoDuration.Format(task.Limits.WallTime)} of real time");
        }
        if (cancelled)
        {
            return (RunStatus.Error, "the evaluation was cancelled");
        }
        switch (transcript.Outcome)
        {
            case AgentOutcome.StepLimit:
                return (RunStatus.Failed, $"limit: no answer within {task.Limits.MaxSteps} steps");
            case AgentOutcome.Stopped:
                return (RunStatus.Failed, $"stopped: {transcript.Reason ?? "the run was stopped"}");
        }
        if (checks.FirstOrDefault(c => !c.Passed) is { } failed)
        {
            return (RunStatus.Failed, $"{failed.Check}: {failed.Detail}");
        }
        return (RunStatus.Passed, $"all {checks.Count} checks passed");
    }

    private static TaskResult Result(EvalTask task, int run, RunStatus status, string reason, Stopwatch total) =>
        TaskResult.For(task, run, status, reason) with { TotalSeconds = total.Elapsed.TotalSeconds };
}
