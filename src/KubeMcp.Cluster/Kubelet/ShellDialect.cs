namespace KubeMcp.Cluster.Kubelet;

/// <summary>Which shell implementation a path such as <c>/bin/sh</c> is; they word their errors differently.</summary>
internal enum ShellDialect
{
    /// <summary>No shell in the image (distroless, scratch, pause).</summary>
    None,

    /// <summary>BusyBox ash (busybox and alpine images).</summary>
    Ash,

    /// <summary>Debian Almquist shell, <c>/bin/sh</c> on Debian and Ubuntu.</summary>
    Dash,

    /// <summary>GNU bash.</summary>
    Bash,
}
