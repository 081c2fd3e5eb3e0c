using System.Text;

namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>The stdout and stderr of an exec session.</summary>
internal sealed class ExecCapture : IProcessOutput
{
    public StringBuilder Stdout { get; } = new();

    public StringBuilder Stderr { get; } = new();

    public void Write(LogStreamKind stream, string text, TimeSpan at) =>
        (stream == LogStreamKind.Stdout ? Stdout : Stderr).Append(text);

    public void Flush(TimeSpan at)
    {
    }
}
