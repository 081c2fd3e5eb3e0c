using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// <c>kubectl exec</c> in a simulated container: runs an argv against the container's virtual environment (its
/// image's programs, env, mounted files, hostname, processes) and returns what the command would print. Commands
/// the image lacks fail as the runtime fails them; commands the simulation does not model say so plainly.
/// </summary>
internal static class ExecInterpreter
{
    /// <summary>What follows a command's name on stderr when the simulation does not model it.</summary>
    public const string NotSupported = ": not supported in the KubeMcp embedded cluster (simulated container)";

    /// <param name="program">The container, as given to <see cref="ProgramInterpreter.Run"/>.</param>
    /// <param name="run">The container's simulated run (for its processes and whether it is still running).</param>
    /// <param name="command">The command to run (kubectl's arguments after <c>--</c>).</param>
    /// <param name="elapsed">How long after the container's start the exec happens.</param>
    /// <param name="stdin">Standard input, when the client sends any (<c>kubectl exec -i</c>).</param>
    public static ExecResult Execute(ContainerProgram program, ProgramRun run, IReadOnlyList<string> command, TimeSpan elapsed, string? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0)
        {
            return new ExecResult("", "error: you must specify at least one command for the container\n", 1);
        }
        if (run.Outcome.Terminates && elapsed >= run.Outcome.At)
        {
            return new ExecResult("", $"error: unable to upgrade connection: container not found (\"{program.ContainerName}\")\n", 1);
        }

        var env = ContainerEnvironment.Create(program);
        var capture = new ExecCapture();
        var machine = new Machine(env, ExecutionMode.Exec, capture, env.CreateFileSystem(), new RunTrace(), elapsed, run.ProcessesAt(elapsed));
        var path = env.ProcessEnv.LastOrDefault(e => e.Key == "PATH").Value;
        var lookup = machine.Lookup(command[0], path, env.WorkingDir);
        if (!lookup.Found)
        {
            var detail = lookup.Failure switch
            {
                ExecutableLookupFailure.NoSuchFile => $"exec: \"{command[0]}\": stat {command[0]}: no such file or directory",
                ExecutableLookupFailure.PermissionDenied => $"exec: \"{command[0]}\": permission denied",
                _ => $"exec: \"{command[0]}\": executable file not found in $PATH",
            };
            return new ExecResult("", $"OCI runtime exec failed: exec failed: unable to start container process: {detail}: unknown\n", 126);
        }
        var io = new CommandIO(stdin is null ? null : new InputText(stdin),
            OutputTarget.Stream(capture, LogStreamKind.Stdout), OutputTarget.Stream(capture, LogStreamKind.Stderr));
        int status;
        try
        {
            status = machine.Run(lookup.Path!, command, io, env.ProcessEnv, env.WorkingDir, replacesPid1: false);
        }
        catch (Exception e) when (e is RunsForeverSignal or InfiniteLoopSignal)
        {
            capture.Stderr.Append($"{command[0]}{NotSupported}\n");
            status = 126;
        }
        var stderr = capture.Stderr.ToString();
        return new ExecResult(capture.Stdout.ToString(), stderr, status & 0xFF, stderr.Contains(NotSupported, StringComparison.Ordinal));
    }
}
