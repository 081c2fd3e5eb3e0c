using System.Net;
using System.Net.Sockets;

namespace KubeMcp.Benchmarks;

/// <summary>Loopback ports for the server processes a benchmark starts.</summary>
internal static class LocalPorts
{
    /// <summary>A port that was free a moment ago (the OS picks it).</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
