namespace KubeMcp.Cluster.Kubelet;

/// <summary>Which userland provides <c>cat</c>, <c>ls</c>, <c>ps</c>…; BusyBox applets and GNU tools differ in wording.</summary>
internal enum ToolFamily
{
    /// <summary>No userland at all.</summary>
    None,

    /// <summary>BusyBox applets.</summary>
    Busybox,

    /// <summary>GNU coreutils and friends.</summary>
    Gnu,
}
