namespace KubeMcp.Cluster.Kubelet.Runtime;

internal enum ExecutionMode
{
    /// <summary>Simulating the container's own process: output is its log, endless work means "keeps running".</summary>
    Container,

    /// <summary>Simulating <c>kubectl exec</c>: output is returned, endless work cannot be answered.</summary>
    Exec,
}
