using KubeMcp.Cluster.Kubelet.Shell;

namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>
/// The simulated container a run happens in: its clock, file system, output and trace, and the dispatch that decides
/// what running a given executable means (a shell, a catalog program, a modelled tool, or something unknown).
/// </summary>
internal sealed class Machine
{
    /// <summary>Work a single run may do before the rest is assumed to be a quiet long-running process.</summary>
    private const int MaxSteps = 2_000_000;

    private const int MaxLogLines = 200_000;

    private readonly Counter counter;

    public Machine(ContainerEnvironment env, ExecutionMode mode, IProcessOutput output, VirtualFileSystem files,
        RunTrace trace, TimeSpan clock, IReadOnlyList<SimProcess>? knownProcesses = null)
        : this(env, mode, output, files, trace, clock, knownProcesses ?? [], new Counter())
    {
    }

    private Machine(ContainerEnvironment env, ExecutionMode mode, IProcessOutput output, VirtualFileSystem files,
        RunTrace trace, TimeSpan clock, IReadOnlyList<SimProcess> knownProcesses, Counter counter)
    {
        Env = env;
        Mode = mode;
        Output = output;
        Files = files;
        Trace = trace;
        Clock = clock;
        KnownProcesses = knownProcesses;
        this.counter = counter;
    }

    public ContainerEnvironment Env { get; }

    public ExecutionMode Mode { get; }

    public IProcessOutput Output { get; }

    public VirtualFileSystem Files { get; }

    public RunTrace Trace { get; }

    /// <summary>Simulated time since the container started.</summary>
    public TimeSpan Clock { get; set; }

    /// <summary>
    /// How deep the current work is inside a pipeline, command substitution or background job. Endless work there
    /// cannot be modelled as the container's own fate, so it is reported as not understood.
    /// </summary>
    public int Depth { get; set; }

    /// <summary>How many background jobs (<c>cmd &amp;</c>) the current work is inside.</summary>
    public int Background { get; set; }

    /// <summary>The container's processes, for <c>ps</c> in an exec session.</summary>
    public IReadOnlyList<SimProcess> KnownProcesses { get; }

    public ImageVariant Variant => Env.Variant;

    /// <summary>A copy with its own output, clock, files and trace (for evaluating one loop iteration in isolation).</summary>
    public Machine Fork(IProcessOutput output, TimeSpan clock, VirtualFileSystem files) =>
        new(Env, Mode, output, files, new RunTrace(), clock, KnownProcesses, new Counter()) { Depth = Depth, Background = Background };

    public void Advance(TimeSpan duration)
    {
        Clock += duration;
        Step();
    }

    /// <summary>Counts work; past the budget the rest of the run is treated as not understood.</summary>
    public void Step()
    {
        if (++counter.Steps > MaxSteps || Output is LogCollector { Count: > MaxLogLines })
        {
            throw new NotUnderstoodException("script", "the script does more work than the simulation follows; the rest is assumed to run quietly");
        }
    }

    public int NextPid() => counter.NextPid++;

    /// <summary>Endless work reached: the container keeps running (or, where that cannot be modelled, is not understood).</summary>
    public Exception RunsForever(string command)
    {
        if (Mode == ExecutionMode.Exec)
        {
            return new NotUnderstoodException(command, $"{command} runs until stopped");
        }
        return Depth > 0
            ? new NotUnderstoodException(command, $"{command} runs until stopped inside a pipeline, command substitution or background job")
            : new RunsForeverSignal();
    }

    /// <summary>Finds an executable the way execvp and the shells do.</summary>
    public ExecutableLookup Lookup(string name, string? pathVariable, string cwd)
    {
        if (name.Length == 0)
        {
            return ExecutableLookup.Fail(ExecutableLookupFailure.NotInPath);
        }
        if (name.Contains('/'))
        {
            var path = VirtualFileSystem.Normalize(name, cwd);
            if (Files.IsDirectory(path))
            {
                return ExecutableLookup.Fail(ExecutableLookupFailure.PermissionDenied);
            }
            if (Files.IsExecutable(path))
            {
                return ExecutableLookup.At(path);
            }
            return ExecutableLookup.Fail(Files.IsFile(path) ? ExecutableLookupFailure.PermissionDenied : ExecutableLookupFailure.NoSuchFile);
        }
        foreach (var dir in (pathVariable ?? OsProfile.DefaultPath).Split(':'))
        {
            var candidate = VirtualFileSystem.Normalize(dir.Length == 0 ? name : dir + "/" + name, cwd);
            if (Files.IsExecutable(candidate))
            {
                return ExecutableLookup.At(candidate);
            }
        }
        return ExecutableLookup.Fail(ExecutableLookupFailure.NotInPath);
    }

    /// <summary>
    /// Runs an executable found by <see cref="Lookup"/>. Returns its exit status, or throws a signal when the
    /// container's fate is decided (runs forever, endless loop, not understood).
    /// </summary>
    public int Run(string path, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> env,
        string cwd, bool replacesPid1)
    {
        Step();
        var name = path[(path.LastIndexOf('/') + 1)..];
        var process = new ProcessContext(this, path, argv, io, env, cwd, replacesPid1);
        try
        {
            return Dispatch(name, process);
        }
        catch (NotUnderstoodException e) when (Mode == ExecutionMode.Exec)
        {
            io.Error($"{e.Command}{ExecInterpreter.NotSupported}\n", Clock);
            return 126;
        }
        catch (NotUnderstoodException e) when (Depth > 0 && Background == 0)
        {
            // Inside a pipeline or command substitution the rest of the script still runs: the unknown command
            // contributes no output and succeeds, and the run's notes say so.
            Trace.Notes.Add($"{e.Message}; it was taken to print nothing and succeed");
            return 0;
        }
    }

    private int Dispatch(string name, ProcessContext process)
    {
        if (name == "busybox" && Variant.Os.Tools == ToolFamily.Busybox && process.Argv.Count > 1)
        {
            var applet = process.Argv[1];
            return Dispatch(applet, process with { Path = "/bin/" + applet, Argv = [.. process.Argv.Skip(1)] });
        }
        if (ShellDialectOf(name) is { } dialect)
        {
            return ShellProcess.Run(process, dialect);
        }
        if (Variant.FindProgram(name) is { } behavior)
        {
            return CatalogProgramRunner.Run(process, behavior);
        }
        if (Tools.ProgramTools.Find(name) is { } tool)
        {
            return tool(process);
        }
        if (Files.Read(process.Path) is { } content && content.StartsWith("#!", StringComparison.Ordinal))
        {
            return RunScriptFile(process, content);
        }
        throw new NotUnderstoodException(name, $"{name} is not simulated");
    }

    private int RunScriptFile(ProcessContext process, string content)
    {
        var newline = content.IndexOf('\n');
        var shebang = content[2..(newline < 0 ? content.Length : newline)].Trim();
        var parts = shebang.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new NotUnderstoodException(process.Path, $"{process.Path} has an empty #! line");
        }
        IReadOnlyList<string> interpreter = parts[0].EndsWith("/env", StringComparison.Ordinal) && parts.Length > 1
            ? [parts[1].Trim()]
            : [.. parts];
        var lookup = Lookup(interpreter[0], process.Env.FirstOrDefault(e => e.Key == "PATH").Value, process.Cwd);
        if (!lookup.Found)
        {
            // The kernel reports a missing interpreter as the script itself not existing.
            process.IO.Error($"exec {process.Path}: no such file or directory\n", Clock);
            return 127;
        }
        IReadOnlyList<string> argv = [.. interpreter, process.Path, .. process.Argv.Skip(1)];
        return Run(lookup.Path!, argv, process.IO, process.Env, process.Cwd, process.ReplacesPid1);
    }

    public ShellDialect? ShellDialectOf(string name) => name switch
    {
        "sh" => Variant.Os.Sh == ShellDialect.None ? ShellDialect.Ash : Variant.Os.Sh,
        "ash" => ShellDialect.Ash,
        "dash" => ShellDialect.Dash,
        "bash" or "zsh" => ShellDialect.Bash,
        _ => null,
    };

    private sealed class Counter
    {
        public int Steps;

        public int NextPid = 7;
    }
}
