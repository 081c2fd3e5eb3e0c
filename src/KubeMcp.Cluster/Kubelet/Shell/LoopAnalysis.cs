namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>Static facts about loops that decide how an endless loop's output can be generated.</summary>
internal static class LoopAnalysis
{
    private static readonly HashSet<string> MutatingCommands =
        ["export", "unset", "set", "shift", "cd", "read", "local", "readonly", "eval", "source", ".", "exec", "let",
         "touch", "mkdir", "rm", "tee", "cp", "mv"];

    private static readonly HashSet<string> EscapeCommands = ["break", "exit", "return", "exec"];

    /// <summary>
    /// Whether the loop can never end on its own: <c>while true</c>, <c>while :</c>, <c>while [ 1 ]</c>,
    /// <c>while sleep N</c>, <c>until false</c> — with no <c>break</c>, <c>exit</c>, <c>return</c> or <c>exec</c> inside.
    /// </summary>
    public static bool IsEndless(LoopNode loop)
    {
        if (loop.Condition.Items is not [(SimpleCommandNode { Assignments.Count: 0, Redirections.Count: 0 } condition, false)])
        {
            return false;
        }
        var words = condition.Words.Select(w => w.PlainText).ToList();
        var alwaysTrue = loop.Until
            ? words is ["false"]
            : words is ["true"] or [":"] or ["[", "1", "]"] or ["[", "true", "]"] || (words is ["sleep", { } n] && n != "infinity");
        return alwaysTrue && !Any(loop.Body, IsEscape);
    }

    /// <summary>Whether running the body can change state a later iteration sees (variables, directory, files).</summary>
    public static bool Mutates(ShellNode body) => Any(body, node => node switch
    {
        SimpleCommandNode command =>
            command.Assignments.Count > 0 ||
            (command.Words.Count > 0 && command.Words[0].PlainText is { } name && MutatingCommands.Contains(name)) ||
            command.Redirections.Any(WritesFile) ||
            command.Words.Any(AssignsInExpansion) || command.Assignments.Any(a => AssignsInExpansion(a.Value)),
        GroupNode group => group.Redirections.Any(WritesFile),
        ForNode => true,
        _ => false,
    });

    /// <summary>Whether the loop reads the clock (<c>date</c>), so iterations differ even without state.</summary>
    public static bool ReadsClock(ShellNode loop) => Any(loop, node =>
        node is SimpleCommandNode command &&
        (command.Words.FirstOrDefault()?.PlainText == "date" || command.Words.Concat(command.Assignments.Select(a => a.Value)).Any(UsesClockInExpansion)));

    private static bool UsesClockInExpansion(Word word) => word.Parts.Any(part => part switch
    {
        CommandSubstitutionPart substitution => ReadsClock(substitution.Script),
        ParameterPart { Name: "SECONDS" or "RANDOM" } => true,
        _ => false,
    });

    private static bool IsEscape(ShellNode node) =>
        node is SimpleCommandNode { Words.Count: > 0 } command && command.Words[0].PlainText is { } name && EscapeCommands.Contains(name);

    private static bool WritesFile(Redirection redirection) =>
        redirection.Kind is RedirectionKind.Output or RedirectionKind.Append or RedirectionKind.OutputAndError &&
        !(redirection.Target.PlainText ?? "").StartsWith("/dev/", StringComparison.Ordinal);

    private static bool AssignsInExpansion(Word word) => word.Parts.Any(part => part switch
    {
        ParameterPart { Operator: ":=" or "=" } => true,
        ParameterPart { Argument: { } argument } => AssignsInExpansion(argument),
        ArithmeticPart arithmetic => arithmetic.Expression.Replace("==", "", StringComparison.Ordinal)
            .Replace("!=", "", StringComparison.Ordinal).Replace("<=", "", StringComparison.Ordinal)
            .Replace(">=", "", StringComparison.Ordinal).IndexOfAny(['=']) >= 0 ||
            arithmetic.Expression.Contains("++", StringComparison.Ordinal) || arithmetic.Expression.Contains("--", StringComparison.Ordinal),
        CommandSubstitutionPart substitution => Mutates(substitution.Script),
        _ => false,
    });

    private static bool Any(ShellNode node, Func<ShellNode, bool> predicate)
    {
        if (predicate(node))
        {
            return true;
        }
        return node switch
        {
            ListNode list => list.Items.Any(i => Any(i.Node, predicate)),
            AndOrNode andOr => Any(andOr.First, predicate) || andOr.Rest.Any(r => Any(r.Node, predicate)),
            PipelineNode pipeline => pipeline.Commands.Any(c => Any(c, predicate)),
            IfNode ifNode => ifNode.Branches.Any(b => Any(b.Condition, predicate) || Any(b.Body, predicate)) ||
                             (ifNode.Else is not null && Any(ifNode.Else, predicate)),
            LoopNode loop => Any(loop.Condition, predicate) || Any(loop.Body, predicate),
            ForNode forNode => Any(forNode.Body, predicate),
            GroupNode group => Any(group.Body, predicate),
            _ => false,
        };
    }
}
