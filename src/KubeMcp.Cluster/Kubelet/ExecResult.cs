namespace KubeMcp.Cluster.Kubelet;

/// <summary>What <c>kubectl exec</c> of a command in a simulated container returns.</summary>
internal sealed record ExecResult(string Stdout, string Stderr, int ExitCode);
