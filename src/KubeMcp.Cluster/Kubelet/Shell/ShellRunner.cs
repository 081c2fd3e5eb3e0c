using System.Text;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// Executes a parsed script in one simulated shell process: control flow, pipelines, redirections, builtins and
/// external commands (through the <see cref="Runtime.Machine"/>). Time passes only through commands that take time
/// (<c>sleep</c>, programs); endless loops are handed over to a lazily generated log tail.
/// </summary>
internal sealed partial class ShellRunner
{
    /// <summary>Iterations a loop that might end is run eagerly before the rest is generated on demand.</summary>
    private const int EagerIterations = 1_000;

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
}
