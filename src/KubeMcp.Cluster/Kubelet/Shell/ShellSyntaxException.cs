namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>A script the shell refuses to run; <see cref="ShellMessages"/> words it per shell dialect.</summary>
internal sealed class ShellSyntaxException(ShellSyntaxErrorKind kind, int line, string token, string lineText)
    : Exception($"syntax error ({kind}) at line {line} near \"{token}\"")
{
    public ShellSyntaxErrorKind Kind { get; } = kind;

    public int Line { get; } = line;

    /// <summary>The offending token, the quote character, or what was expected at end of file.</summary>
    public string Token { get; } = token;

    /// <summary>The source line, which bash quotes back.</summary>
    public string LineText { get; } = lineText;
}
