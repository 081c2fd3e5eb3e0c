namespace KubeMcp.Cluster.Kubelet;

/// <summary>The values a log line template can read when a simulated program prints it.</summary>
internal sealed class TemplateScope
{
    public DateTimeOffset ContainerStartedAt { get; init; } = DateTimeOffset.UnixEpoch;

    public string Version { get; init; } = "";

    public string Hostname { get; init; } = "";

    public string PodIP { get; init; } = "";

    public string Namespace { get; init; } = "default";

    public string Kernel { get; init; } = "";

    public IReadOnlyDictionary<string, string> Vars { get; init; } = new Dictionary<string, string>();

    public Func<string, string?> Env { get; init; } = _ => null;

    /// <summary>The program's arguments (after the program name), read by <c>{{flag:NAME:DEFAULT}}</c>.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
}
