namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>Assignments, words and redirections: <c>FOO=1 echo "$FOO" &gt;/dev/null</c>.</summary>
internal sealed record SimpleCommandNode(
    int Line,
    IReadOnlyList<Assignment> Assignments,
    IReadOnlyList<Word> Words,
    IReadOnlyList<Redirection> Redirections) : ShellNode(Line);
