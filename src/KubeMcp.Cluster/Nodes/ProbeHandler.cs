namespace KubeMcp.Cluster.Nodes;

/// <summary>How a container probe checks the container (the one handler field a probe sets).</summary>
internal enum ProbeHandler
{
    Exec,
    HttpGet,
    TcpSocket,
    Grpc,
}
