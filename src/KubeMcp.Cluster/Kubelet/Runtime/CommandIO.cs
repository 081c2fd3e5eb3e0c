namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>A process's standard streams: input text (null when stdin is closed) and output targets.</summary>
internal sealed record CommandIO(InputText? Stdin, OutputTarget Out, OutputTarget Err)
{
    public void Print(string text, TimeSpan at) => Out.Write(text, at);

    public void Error(string text, TimeSpan at) => Err.Write(text, at);
}
