using System.Text;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// Executes a parsed script in one simulated shell process: control flow, pipelines, redirections, builtins and
/// external commands (through the <see cref="Runtime.Machine"/>). Time passes only through commands that take time
/// (<c>sleep</c>, programs); endless loops are handed over to a lazily generated log tail.
/// </summary>
internal sealed class ShellRunner
{
    /// <summary>Iterations a loop that might end is run eagerly before the rest is generated on demand.</summary>
    private const int EagerIterations = 10_000;

    private readonly List<TimeSpan?> backgroundJobs = [];
    private int conditionDepth;
    private int? substitutionStatus;

    public ShellRunner(Machine machine, ShellState state, ShellMessages messages, CommandIO io)
    {
        Machine = machine;
        State = state;
        Messages = messages;
        BaseIO = io;
        Expander = new WordExpander(this);
    }

    public Machine Machine { get; }

    public ShellState State { get; }

    public ShellMessages Messages { get; }

    /// <summary>The shell process's own streams.</summary>
    public CommandIO BaseIO { get; }

    public WordExpander Expander { get; }

    /// <summary>The line of the command being executed, for error messages.</summary>
    public int CurrentLine { get; private set; } = 1;

    private CommandIO CurrentIO => BaseIO with { Out = State.PermanentOut ?? BaseIO.Out, Err = State.PermanentErr ?? BaseIO.Err };

    /// <summary>Runs a whole script; <see cref="ShellExitSignal"/> escapes to the caller.</summary>
    public int Run(ListNode script)
    {
        var status = 0;
        foreach (var (node, background) in script.Items)
        {
            status = background ? RunBackground(node, CurrentIO) : Execute(node, CurrentIO);
        }
        return status;
    }

    /// <summary>Writes a shell error (prefixed as the shell prefixes it) to the shell's stderr.</summary>
    public void ReportError(string message) =>
        CurrentIO.Err.Write(Messages.Prefix(CurrentLine) + message + "\n", Machine.Clock);

    public int ExecuteList(ListNode list, CommandIO io)
    {
        var status = 0;
        foreach (var (node, background) in list.Items)
        {
            status = background ? RunBackground(node, io) : Execute(node, io);
        }
        return status;
    }

    public int Execute(ShellNode node, CommandIO io)
    {
        var status = node switch
        {
            SimpleCommandNode command => ExecuteSimple(command, io),
            PipelineNode pipeline => ExecutePipeline(pipeline, io),
            AndOrNode andOr => ExecuteAndOr(andOr, io),
            ListNode list => ExecuteList(list, io),
            IfNode ifNode => ExecuteIf(ifNode, io),
            LoopNode loop => ExecuteLoop(loop, io),
            ForNode forNode => ExecuteFor(forNode, io),
            GroupNode group => ExecuteGroup(group, io),
            _ => throw new InvalidOperationException($"unknown shell node {node.GetType().Name}"),
        };
        State.LastStatus = status;
        if (status != 0 && State.Errexit && conditionDepth == 0 &&
            node is SimpleCommandNode or PipelineNode { Negated: false } or GroupNode { Subshell: true })
        {
            throw new ShellExitSignal(status);
        }
        return status;
    }

    private int Condition(ListNode list, CommandIO io)
    {
        conditionDepth++;
        try
        {
            return ExecuteList(list, io);
        }
        finally
        {
            conditionDepth--;
        }
    }

    private int ExecuteAndOr(AndOrNode node, CommandIO io)
    {
        conditionDepth++;
        int status;
        try
        {
            status = Execute(node.First, io);
        }
        finally
        {
            conditionDepth--;
        }
        for (var i = 0; i < node.Rest.Count; i++)
        {
            var (isAnd, next) = node.Rest[i];
            if (isAnd != (status == 0))
            {
                continue;
            }
            var last = i == node.Rest.Count - 1;
            if (!last)
            {
                conditionDepth++;
            }
            try
            {
                status = Execute(next, io);
            }
            finally
            {
                if (!last)
                {
                    conditionDepth--;
                }
            }
        }
        return status;
    }

    private int ExecuteIf(IfNode node, CommandIO io)
    {
        foreach (var (condition, body) in node.Branches)
        {
            if (Condition(condition, io) == 0)
            {
                return ExecuteList(body, io);
            }
        }
        return node.Else is null ? 0 : ExecuteList(node.Else, io);
    }

    private int ExecuteFor(ForNode node, CommandIO io)
    {
        var items = node.Items is null ? [.. State.Positional] : Expander.ExpandWords(node.Items);
        var status = 0;
        foreach (var item in items)
        {
            State.Variables[node.Variable] = item;
            try
            {
                status = ExecuteList(node.Body, io);
            }
            catch (LoopControlSignal signal)
            {
                if (signal.Levels > 1)
                {
                    throw new LoopControlSignal(signal.IsBreak, signal.Levels - 1);
                }
                if (signal.IsBreak)
                {
                    break;
                }
            }
        }
        return status;
    }

    private int ExecuteLoop(LoopNode loop, CommandIO io)
    {
        if (LoopAnalysis.IsEndless(loop))
        {
            EnterEndlessLoop(loop, io);
        }
        var status = 0;
        for (var iteration = 0; ; iteration++)
        {
            Machine.Step();
            if (iteration == EagerIterations && Machine.Mode == ExecutionMode.Container && Machine.Depth == 0 && Machine.Background == 0)
            {
                // A long-running loop that could still end: continue it lazily from here.
                throw new InfiniteLoopSignal(SequentialTail(loop, io), null);
            }
            var condition = Condition(loop.Condition, io);
            if (loop.Until ? condition == 0 : condition != 0)
            {
                return status;
            }
            try
            {
                status = ExecuteList(loop.Body, io);
            }
            catch (LoopControlSignal signal)
            {
                if (signal.Levels > 1)
                {
                    throw new LoopControlSignal(signal.IsBreak, signal.Levels - 1);
                }
                if (signal.IsBreak)
                {
                    return status;
                }
            }
        }
    }

    /// <summary>Runs one loop iteration (condition, then body); false when the loop ends.</summary>
    public bool RunLoopIteration(LoopNode loop, CommandIO io)
    {
        var condition = Condition(loop.Condition, io);
        if (loop.Until ? condition == 0 : condition != 0)
        {
            return false;
        }
        try
        {
            ExecuteList(loop.Body, io);
        }
        catch (LoopControlSignal signal)
        {
            return !signal.IsBreak;
        }
        return true;
    }

    private void EnterEndlessLoop(LoopNode loop, CommandIO io)
    {
        if (Machine.Mode == ExecutionMode.Exec || Machine.Depth > 0 || Machine.Background > 0)
        {
            throw new NotUnderstoodException("while",
                "an endless loop inside a pipeline, command substitution, background job or exec session is not simulated");
        }
        // The first iteration runs for real, so anything in it that ends the container (a server, OOM) applies.
        var start = Machine.Clock;
        var lines = Machine.Output is LogCollector collector ? collector.Count : 0;
        RunLoopIteration(loop, io);
        var period = Machine.Clock - start;
        if (period == TimeSpan.Zero)
        {
            var printed = Machine.Output is LogCollector after && after.Count > lines;
            Machine.Trace.SetCpu(Machine.Clock, Math.Min(1000, Machine.Env.Program.CpuLimitMillicores ?? 1000));
            if (!printed)
            {
                throw new RunsForeverSignal();
            }
            // A loop that never sleeps prints as fast as it can; one iteration per millisecond stands in for that.
            period = TimeSpan.FromMilliseconds(1);
            Machine.Clock = start + period;
        }
        if (!LoopAnalysis.Mutates(loop.Body))
        {
            var snapshot = State.Clone();
            var files = Machine.Files.Clone();
            var tail = PeriodicLoopTail.TryCreate(at => Detached(loop, io, snapshot.Clone(), files.Clone(), at), Machine.Clock, period);
            if (tail is not null)
            {
                throw new InfiniteLoopSignal(tail, null);
            }
        }
        throw new InfiniteLoopSignal(SequentialTail(loop, io), null);
    }

    private SequentialLoopTail SequentialTail(LoopNode loop, CommandIO io)
    {
        var state = State.Clone();
        var files = Machine.Files.Clone();
        var clock = Machine.Clock;
        return new SequentialLoopTail(() =>
        {
            var iteration = Detached(loop, io, state, files, clock);
            clock = iteration.End;
            return iteration;
        }, clock);
    }

    // One iteration on a forked machine whose log is separate, so the tail can produce it on its own.
    private LoopIteration Detached(LoopNode loop, CommandIO io, ShellState state, VirtualFileSystem files, TimeSpan at)
    {
        var collector = new LogCollector();
        var machine = Machine.Fork(collector, at, files);
        var detachedIO = new CommandIO(null, io.Out.Rebind(Machine.Output, collector, files), io.Err.Rebind(Machine.Output, collector, files));
        var runner = new ShellRunner(machine, state, Messages, detachedIO);
        bool continues;
        try
        {
            continues = runner.RunLoopIteration(loop, detachedIO);
        }
        catch (Exception e) when (e is ShellExitSignal or NotUnderstoodException or RunsForeverSignal or InfiniteLoopSignal)
        {
            continues = false;
        }
        collector.Flush(machine.Clock);
        return new LoopIteration(collector.Lines(), machine.Clock, continues);
    }

    private int ExecuteGroup(GroupNode group, CommandIO io)
    {
        var redirected = Redirect(group.Redirections, io, group.Line, out var failure);
        if (redirected is null)
        {
            return failure;
        }
        if (!group.Subshell)
        {
            return ExecuteList(group.Body, redirected);
        }
        var subshell = new ShellRunner(Machine, State.Clone(), Messages, redirected);
        try
        {
            return subshell.ExecuteList(group.Body, redirected);
        }
        catch (ShellExitSignal exit)
        {
            return exit.Status;
        }
    }

    private int ExecutePipeline(PipelineNode pipeline, CommandIO io)
    {
        var input = io.Stdin;
        var status = 0;
        for (var i = 0; i < pipeline.Commands.Count; i++)
        {
            var last = i == pipeline.Commands.Count - 1;
            var buffer = new StringBuilder();
            var stageIO = io with { Stdin = input, Out = last ? io.Out : OutputTarget.Capture(buffer) };
            // Every stage runs in a subshell; only the last one's endless work can be the container's fate.
            var stage = new ShellRunner(Machine, State.Clone(), Messages, stageIO);
            Machine.Depth += last ? 0 : 1;
            try
            {
                status = stage.Execute(pipeline.Commands[i], stageIO);
            }
            catch (ShellExitSignal exit)
            {
                status = exit.Status;
            }
            catch (NotUnderstoodException e) when (!last && TolerateInside(e))
            {
                status = 0;
            }
            finally
            {
                Machine.Depth -= last ? 0 : 1;
            }
            input = new InputText(buffer.ToString());
        }
        return pipeline.Negated ? (status == 0 ? 1 : 0) : status;
    }

    private int RunBackground(ShellNode node, CommandIO io)
    {
        var start = Machine.Clock;
        var job = new ShellRunner(Machine, State.Clone(), Messages, io with { Stdin = null });
        Machine.Background++;
        TimeSpan? end;
        try
        {
            job.Execute(node, io with { Stdin = null });
            end = Machine.Clock;
        }
        catch (ShellExitSignal)
        {
            end = Machine.Clock;
        }
        catch (RunsForeverSignal)
        {
            end = null;
        }
        catch (NotUnderstoodException e) when (Machine.Mode == ExecutionMode.Container)
        {
            Machine.Trace.Notes.Add($"background job: {e.Message}; it is assumed to keep running quietly");
            end = null;
        }
        finally
        {
            Machine.Background--;
            Machine.Clock = start;
        }
        backgroundJobs.Add(end);
        State.LastBackgroundPid = Machine.NextPid();
        return 0;
    }

    /// <summary><c>wait</c>: the clock moves to when the last background job ends.</summary>
    public int WaitForJobs()
    {
        if (backgroundJobs.Any(j => j is null))
        {
            throw Machine.RunsForever("wait");
        }
        var latest = backgroundJobs.Select(j => j!.Value).DefaultIfEmpty(Machine.Clock).Max();
        if (latest > Machine.Clock)
        {
            Machine.Clock = latest;
        }
        backgroundJobs.Clear();
        return 0;
    }

    public string CommandSubstitution(ListNode script)
    {
        var buffer = new StringBuilder();
        var io = CurrentIO with { Stdin = null, Out = OutputTarget.Capture(buffer) };
        var sub = new ShellRunner(Machine, State.Clone(), Messages, io);
        Machine.Depth++;
        try
        {
            substitutionStatus = sub.ExecuteList(script, io);
        }
        catch (ShellExitSignal exit)
        {
            substitutionStatus = exit.Status;
        }
        catch (NotUnderstoodException e) when (TolerateInside(e))
        {
            substitutionStatus = 0;
        }
        finally
        {
            Machine.Depth--;
        }
        return buffer.ToString().TrimEnd('\n');
    }

    // Inside a pipeline or command substitution of the container's own process, work the simulation cannot
    // follow is taken to print nothing and succeed, so the rest of the script still runs.
    private bool TolerateInside(NotUnderstoodException e)
    {
        if (Machine.Mode != ExecutionMode.Container || Machine.Background > 0)
        {
            return false;
        }
        Machine.Trace.Notes.Add($"{e.Message}; it was taken to print nothing and succeed");
        return true;
    }

    private int ExecuteSimple(SimpleCommandNode command, CommandIO io)
    {
        Machine.Step();
        CurrentLine = command.Line;
        substitutionStatus = null;
        var argv = Expander.ExpandWords(command.Words);
        var assignments = command.Assignments.Select(a => new KeyValuePair<string, string>(a.Name, Expander.ExpandString(a.Value))).ToList();
        // A command that only assigns takes the status of its last command substitution.
        var assignmentStatus = substitutionStatus ?? 0;

        var redirected = Redirect(command.Redirections, io, command.Line, out var failure);
        if (redirected is null)
        {
            return failure;
        }
        if (State.Xtrace)
        {
            var traced = assignments.Select(a => $"{a.Key}={a.Value}").Concat(argv.Select(QuoteForTrace));
            redirected.Err.Write("+ " + string.Join(' ', traced) + "\n", Machine.Clock);
        }
        if (argv.Count == 0)
        {
            foreach (var (name, value) in assignments)
            {
                State.Variables[name] = value;
            }
            return assignmentStatus;
        }

        var builtin = ShellBuiltins.Find(argv[0]);
        if (builtin is not null)
        {
            return builtin(this, argv, redirected, assignments);
        }
        return RunExternal(argv, redirected, assignments, replacesShell: false);
    }

    /// <summary>Runs a program found on PATH; prints the shell's own error when there is none.</summary>
    public int RunExternal(IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> assignments, bool replacesShell)
    {
        var name = argv[0];
        var lookup = Machine.Lookup(name, State.Get("PATH"), State.Cwd);
        if (!lookup.Found)
        {
            var (message, status) = lookup.Failure switch
            {
                ExecutableLookupFailure.NoSuchFile => (Messages.NoSuchFile(name, CurrentLine), 127),
                ExecutableLookupFailure.PermissionDenied => (Messages.PermissionDenied(name, CurrentLine), 126),
                _ => (Messages.NotFound(name, CurrentLine), 127),
            };
            io.Err.Write(message + "\n", Machine.Clock);
            return status;
        }
        var env = State.ExportedEnvironment().Where(e => assignments.All(a => a.Key != e.Key)).Concat(assignments).ToList();
        var replacesPid1 = replacesShell && State.Pid == 1;
        if (replacesPid1)
        {
            Machine.Trace.SetMainProcess(Machine.Env.User.Display, string.Join(' ', argv));
        }
        return Machine.Run(lookup.Path!, argv, io, env, State.Cwd, replacesPid1);
    }

    private static string QuoteForTrace(string arg) =>
        arg.Length == 0 || arg.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '*' or '?' or ';' or '&' or '|')
            ? "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
            : arg;

    /// <summary>Applies redirections; on failure prints the error, sets <paramref name="failure"/> and returns null.</summary>
    private CommandIO? Redirect(IReadOnlyList<Redirection> redirections, CommandIO io, int line, out int failure)
    {
        failure = 0;
        var result = io;
        foreach (var redirection in redirections)
        {
            var target = Expander.ExpandString(redirection.Target);
            switch (redirection.Kind)
            {
                case RedirectionKind.Input:
                    var path = VirtualFileSystem.Normalize(target, State.Cwd);
                    var content = Machine.Files.Read(path);
                    if (content is null || Machine.Files.IsDirectory(path))
                    {
                        result.Err.Write(Messages.CannotOpen(target, line) + "\n", Machine.Clock);
                        failure = Messages.RedirectionFailureStatus;
                        return null;
                    }
                    result = result with { Stdin = new InputText(content) };
                    break;
                case RedirectionKind.Duplicate:
                    var source = target == "-" ? OutputTarget.Null : target == "2" ? result.Err : target == "1" ? result.Out : null;
                    if (source is null)
                    {
                        break;
                    }
                    result = redirection.Fd switch
                    {
                        1 => result with { Out = source },
                        2 => result with { Err = source },
                        _ => result,
                    };
                    break;
                default:
                    var output = OpenForWriting(target, redirection.Kind == RedirectionKind.Append, line, result.Err);
                    if (output is null)
                    {
                        failure = Messages.RedirectionFailureStatus;
                        return null;
                    }
                    result = redirection.Kind == RedirectionKind.OutputAndError ? result with { Out = output, Err = output }
                        : redirection.Fd == 2 ? result with { Err = output }
                        : redirection.Fd == 1 ? result with { Out = output }
                        : result;
                    break;
            }
        }
        return result;
    }

    private OutputTarget? OpenForWriting(string target, bool append, int line, OutputTarget errors)
    {
        switch (target)
        {
            case "/dev/null":
                return OutputTarget.Null;
            case "/dev/stdout" or "/proc/self/fd/1":
                return BaseIO.Out;
            case "/dev/stderr" or "/proc/self/fd/2":
                return BaseIO.Err;
            case "/proc/1/fd/1":
                return OutputTarget.Stream(Machine.Output, LogStreamKind.Stdout);
            case "/proc/1/fd/2":
                return OutputTarget.Stream(Machine.Output, LogStreamKind.Stderr);
        }
        var path = VirtualFileSystem.Normalize(target, State.Cwd);
        var error = Machine.Files.Write(path, "", append: true);
        if (error is null && !append)
        {
            error = Machine.Files.Write(path, "", append: false);
        }
        if (error is not null)
        {
            errors.Write(Messages.CannotCreate(target, error, line) + "\n", Machine.Clock);
            return null;
        }
        return OutputTarget.File(Machine.Files, path);
    }
}
