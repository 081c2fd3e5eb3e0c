namespace KubeMcp.Cluster.Kubelet.Shell;

internal enum RedirectionKind
{
    /// <summary><c>&gt; file</c></summary>
    Output,

    /// <summary><c>&gt;&gt; file</c></summary>
    Append,

    /// <summary><c>&lt; file</c></summary>
    Input,

    /// <summary><c>N&gt;&amp;M</c></summary>
    Duplicate,

    /// <summary><c>&amp;&gt; file</c> (bash): both stdout and stderr.</summary>
    OutputAndError,
}
