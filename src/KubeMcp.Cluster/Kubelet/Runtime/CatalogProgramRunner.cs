namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>Runs a program the image catalog describes: prints its lines on schedule, accounts memory, and exits or keeps running.</summary>
internal static class CatalogProgramRunner
{
    private static readonly TimeSpan MinimumStartup = TimeSpan.FromMilliseconds(100);

    public static int Run(ProcessContext process, ProgramBehavior behavior, bool viaWrapper = false)
    {
        if (behavior.IsWrapper)
        {
            return RunWrapper(process, behavior);
        }
        var machine = process.Machine;
        var args = process.Args;
        if (behavior.Subcommands.Count > 0 && args.Count > 0)
        {
            if (!behavior.Subcommands.TryGetValue(args[0], out var sub))
            {
                throw new NotUnderstoodException(process.Name,
                    $"{process.Name} {args[0]} is not simulated");
            }
            behavior = sub;
            args = [.. args.Skip(1)];
        }

        var scope = machine.Env.Scope(args, process.GetEnv);
        var start = machine.Clock;
        var last = start;
        void Emit(IReadOnlyList<LogGroup> groups)
        {
            foreach (var group in groups)
            {
                var at = start + group.At;
                var target = group.Stream == LogStreamKind.Stdout ? process.IO.Out : process.IO.Err;
                foreach (var line in group.Lines)
                {
                    target.Write(LogTemplate.Render(line, scope, at) + "\n", at);
                }
                last = at > last ? at : last;
            }
        }

        var trace = machine.Trace;
        if (viaWrapper)
        {
            if (behavior.Requires.FirstOrDefault(r => !r.IsSatisfied(process.GetEnv)) is { } failed)
            {
                Emit(failed.Logs);
                machine.Clock = last;
                return failed.ExitCode;
            }
            Emit(behavior.EntrypointLogs);
        }
        Emit(behavior.Logs);

        var readyAt = start + (behavior.ReadyAfter ?? last - start);
        var warmUp = readyAt - start < MinimumStartup ? MinimumStartup : readyAt - start;
        trace.RampMemory(start, warmUp, behavior.MemoryBytes ?? machine.Variant.MemoryBytes);
        trace.SetCpu(start + warmUp, behavior.CpuMillicores ?? machine.Variant.CpuMillicores);

        if (behavior.ExitCode is { } code)
        {
            var exitAt = start + behavior.ExitAfter;
            machine.Clock = exitAt > last ? exitAt : last;
            return code;
        }

        if (machine.Depth == 0 && machine.Mode == ExecutionMode.Container)
        {
            trace.Ports.AddRange(behavior.Ports.Except(trace.Ports));
            trace.ReadyAt ??= readyAt;
            RecordProcesses(process, behavior, start);
        }
        machine.Clock = last;
        throw machine.RunsForever(process.Name);
    }

    private static void RecordProcesses(ProcessContext process, ProgramBehavior behavior, TimeSpan start)
    {
        var trace = process.Machine.Trace;
        var user = process.Container.User.Display;
        var commands = behavior.Processes.Count > 0
            ? behavior.Processes.Select(p => (User: p.User ?? user, p.Command)).ToList()
            : [(user, string.Join(' ', process.Argv))];
        var first = 0;
        if (process.ReplacesPid1)
        {
            trace.SetMainProcess(commands[0].User, commands[0].Command);
            first = 1;
        }
        var pid = 29;
        foreach (var (owner, command) in commands.Skip(first))
        {
            trace.AddProcess(process.ReplacesPid1 ? pid++ : process.Machine.NextPid(), owner, command, start);
        }
    }

    // Entrypoint scripts end in `exec "$@"`, first putting their program in front when given only flags or a
    // config file, so `postgres -c x=y` and `/etc/registry.yml` still start the server.
    private static int RunWrapper(ProcessContext process, ProgramBehavior wrapper)
    {
        var machine = process.Machine;
        var path = process.GetEnv("PATH");
        IReadOnlyList<string> args = process.Args;
        if (args.Count == 0 || args[0].StartsWith('-') || !machine.Lookup(args[0], path, process.Cwd).Found)
        {
            args = [wrapper.WrapperDefault!, .. args];
        }
        var lookup = machine.Lookup(args[0], path, process.Cwd);
        if (!lookup.Found)
        {
            process.Error($"{process.Path}: line 1: exec: {args[0]}: not found\n");
            return 127;
        }
        var target = machine.Variant.FindProgram(lookup.Path!);
        if (target is { IsWrapper: false })
        {
            machine.Step();
            return Run(process with { Path = lookup.Path!, Argv = args }, target, viaWrapper: true);
        }
        return machine.Run(lookup.Path!, args, process.IO, process.Env, process.Cwd, process.ReplacesPid1);
    }
}
