using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// Decides what a container would do, without running anything: resolves its argv the way the runtime does, finds
/// the executable, and interprets it (shell scripts, catalog programs, modelled tools), then applies the
/// <c>sim.kubemcp.io/</c> annotations and the memory limit. Pure and deterministic.
/// </summary>
internal static class ProgramInterpreter
{
    private const string RuncPrefix =
        "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: " +
        "unable to start container process: error during container init: ";

    /// <summary>The argv the runtime starts: command (or the image entrypoint) followed by args (or the image cmd).</summary>
    public static IReadOnlyList<string> Argv(ContainerProgram program)
    {
        var variant = program.Image.Variant;
        // Kubernetes semantics: a command replaces the entrypoint and drops the image cmd; args replace the cmd only.
        var entrypoint = program.Command is { Count: > 0 } command ? command : variant.Entrypoint;
        var arguments = program.Args ?? (program.Command is { Count: > 0 } ? [] : variant.Cmd);
        return [.. entrypoint, .. arguments];
    }

    public static ProgramRun Run(ContainerProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var env = ContainerEnvironment.Create(program);
        var argv = Argv(program);
        var trace = new RunTrace();
        var collector = new LogCollector();
        var machine = new Machine(env, ExecutionMode.Container, collector, env.CreateFileSystem(), trace, TimeSpan.Zero);

        if (argv.Count == 0)
        {
            return Failed(program, argv, RuncPrefix + "no command specified: unknown");
        }
        var path = env.ProcessEnv.LastOrDefault(e => e.Key == "PATH").Value;
        var lookup = machine.Lookup(argv[0], path, env.WorkingDir);
        if (!lookup.Found)
        {
            var detail = lookup.Failure switch
            {
                ExecutableLookupFailure.NoSuchFile => $"exec: \"{argv[0]}\": stat {argv[0]}: no such file or directory",
                ExecutableLookupFailure.PermissionDenied => $"exec: \"{argv[0]}\": permission denied",
                _ => $"exec: \"{argv[0]}\": executable file not found in $PATH",
            };
            return Failed(program, argv, RuncPrefix + detail + ": unknown");
        }

        trace.SetMainProcess(env.User.Display, string.Join(' ', argv));
        trace.SetMemory(TimeSpan.Zero, 256 * 1024);
        var io = new CommandIO(null, OutputTarget.Stream(collector, LogStreamKind.Stdout), OutputTarget.Stream(collector, LogStreamKind.Stderr));
        ProgramOutcome outcome;
        ILogTail? tail = null;
        try
        {
            var status = machine.Run(lookup.Path!, argv, io, env.ProcessEnv, env.WorkingDir, replacesPid1: true);
            outcome = ProgramOutcome.Exited(status & 0xFF, machine.Clock);
        }
        catch (RunsForeverSignal)
        {
            outcome = ProgramOutcome.Running;
        }
        catch (InfiniteLoopSignal loop)
        {
            outcome = ProgramOutcome.Running;
            tail = loop.Tail;
        }
        catch (NotUnderstoodException e)
        {
            outcome = ProgramOutcome.Running;
            trace.Notes.Add($"{e.Message}; the container is assumed to keep running quietly from {machine.Clock.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}s");
        }
        collector.Flush(machine.Clock);
        return Finish(program, argv, collector.Lines(), tail, outcome, trace);
    }

    private static ProgramRun Failed(ContainerProgram program, IReadOnlyList<string> argv, string message) => new()
    {
        Logs = LogStream.Empty,
        Outcome = ProgramOutcome.StartError(message),
        Usage = new UsageTimeline([]),
        ReadyAt = null,
        Argv = argv,
    };

    private static ProgramRun Finish(ContainerProgram program, IReadOnlyList<string> argv, IReadOnlyList<LogLine> lines,
        ILogTail? tail, ProgramOutcome outcome, RunTrace trace)
    {
        string? Setting(string name) => SimAnnotations.Get(program.Annotations, program.ContainerName, name);
        var notes = trace.Notes;
        var usage = trace.Timeline();

        if (Setting(SimAnnotations.Logs) is { } literal)
        {
            lines = [.. literal.TrimEnd('\n').Split('\n').Select(l => new LogLine(TimeSpan.Zero, l.TrimEnd('\r')))];
            tail = null;
        }
        if (Setting(SimAnnotations.MemoryUsage) is { } memoryText)
        {
            if (Quantity.TryParse(memoryText, out var memory) && memory >= 0)
            {
                usage = Override(usage, (long)Math.Ceiling(memory), isMemory: true);
            }
            else
            {
                notes.Add($"annotation {SimAnnotations.Prefix}{SimAnnotations.MemoryUsage}=\"{memoryText}\" is not a quantity (for example 300Mi) and was ignored");
            }
        }
        if (Setting(SimAnnotations.CpuUsage) is { } cpuText)
        {
            if (Quantity.TryParse(cpuText, out var cpu) && cpu >= 0)
            {
                usage = Override(usage, (long)Math.Ceiling(cpu * 1000), isMemory: false);
            }
            else
            {
                notes.Add($"annotation {SimAnnotations.Prefix}{SimAnnotations.CpuUsage}=\"{cpuText}\" is not a quantity (for example 250m) and was ignored");
            }
        }
        var exitCodeText = Setting(SimAnnotations.ExitCode);
        var exitAfterText = Setting(SimAnnotations.ExitAfter);
        if (exitCodeText is not null || exitAfterText is not null)
        {
            var code = 0;
            var after = TimeSpan.FromSeconds(1);
            var valid = true;
            if (exitCodeText is not null && !(int.TryParse(exitCodeText, out code) && code is >= 0 and <= 255))
            {
                notes.Add($"annotation {SimAnnotations.Prefix}{SimAnnotations.ExitCode}=\"{exitCodeText}\" must be a number from 0 to 255 and was ignored");
                valid = false;
            }
            if (exitAfterText is not null && !SimDuration.TryParse(exitAfterText, out after))
            {
                notes.Add($"annotation {SimAnnotations.Prefix}{SimAnnotations.ExitAfter}=\"{exitAfterText}\" is not a duration (for example 30s or 2m) and was ignored");
                valid = false;
            }
            if (valid && outcome.Kind != ProgramOutcomeKind.StartError)
            {
                outcome = ProgramOutcome.Exited(code, after);
            }
        }
        if (program.MemoryLimitBytes is { } limit && usage.FirstExceeding(limit) is { } oomAt &&
            (!outcome.Terminates || oomAt <= outcome.At))
        {
            outcome = ProgramOutcome.OomKilled(oomAt);
        }

        var ready = Setting(SimAnnotations.Ready) is { } readyText && readyText.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? (TimeSpan?)null
            : trace.ReadyAt ?? TimeSpan.Zero;
        return new ProgramRun
        {
            Logs = new LogStream(lines, tail, outcome.Terminates ? outcome.At : null),
            Outcome = outcome,
            Usage = usage,
            ReadyAt = ready,
            ListeningPorts = [.. trace.Ports],
            Processes = trace.Processes,
            ProcessHistory = trace.ProcessHistory,
            Argv = argv,
            Notes = [.. notes],
        };
    }

    // The annotation sets the steady value, reached in four steps over the first two seconds; the other resource
    // keeps what the program did.
    private static UsageTimeline Override(UsageTimeline original, long value, bool isMemory)
    {
        var ramp = Enumerable.Range(1, 4).Select(i => (At: TimeSpan.FromSeconds(0.5 * i), Value: value * i / 4)).ToList();
        var times = original.Steps.Select(s => s.At).Concat(ramp.Select(r => r.At)).Append(TimeSpan.Zero).Distinct().Order();
        var steps = new List<(TimeSpan, ResourceUsage)>();
        foreach (var at in times)
        {
            var current = original.At(at);
            var forced = ramp.LastOrDefault(r => r.At <= at).Value;
            steps.Add((at, isMemory ? current with { MemoryBytes = forced } : current with { CpuMillicores = forced }));
        }
        return new UsageTimeline(steps);
    }
}
