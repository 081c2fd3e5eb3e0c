namespace KubeMcp.Cluster.Kubelet.Shell;

internal enum ShellSyntaxErrorKind
{
    /// <summary>A quote, backquote, <c>$(</c> or <c>${</c> never closed.</summary>
    UnterminatedQuote,

    /// <summary>The script ended inside a compound command.</summary>
    UnexpectedEndOfFile,

    /// <summary>A token where none is allowed (<c>done</c> without a loop, a leading <c>&amp;&amp;</c>).</summary>
    UnexpectedToken,
}
