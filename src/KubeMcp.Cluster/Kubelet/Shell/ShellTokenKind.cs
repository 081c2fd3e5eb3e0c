namespace KubeMcp.Cluster.Kubelet.Shell;

internal enum ShellTokenKind
{
    Word,
    Operator,
    Newline,
    End,
}
