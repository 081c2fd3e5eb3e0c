namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>A node of a parsed shell script; <see cref="Line"/> is where it starts, for error messages.</summary>
internal abstract record ShellNode(int Line);
