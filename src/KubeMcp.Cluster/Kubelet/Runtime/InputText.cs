namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>A process's standard input: fixed text consumed as it is read (so successive <c>read</c>s advance).</summary>
internal sealed class InputText(string text)
{
    private int position;

    public bool AtEnd => position >= text.Length;

    /// <summary>The next line without its newline, or null at end of input.</summary>
    public string? ReadLine()
    {
        if (AtEnd)
        {
            return null;
        }
        var newline = text.IndexOf('\n', position);
        var end = newline < 0 ? text.Length : newline;
        var line = text[position..end];
        position = newline < 0 ? text.Length : newline + 1;
        return line;
    }

    public string ReadToEnd()
    {
        var rest = AtEnd ? "" : text[position..];
        position = text.Length;
        return rest;
    }
}
