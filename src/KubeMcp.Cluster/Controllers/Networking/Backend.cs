using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Controllers.Networking;

/// <summary>One pod behind a Service: its IP, conditions and the ports it serves.</summary>
internal sealed record Backend(JsonObject Pod, string Ip, bool Ready, bool Serving, bool Terminating, List<JsonObject> Ports)
{
    /// <summary>The ports as one comparable string, to group pods that serve the same ports.</summary>
    public string PortKey => string.Join(";", Ports.Select(p => p.ToJsonString()));

    /// <summary>The pod's hostname when it names itself under the Service (spec.subdomain), else null.</summary>
    public string? Hostname(JsonObject service) =>
        Pod.Str("spec.hostname") is { Length: > 0 } hostname && Pod.Str("spec.subdomain") == service.Name() ? hostname : null;

    public string? NodeName => Pod.Str("spec.nodeName") is { Length: > 0 } node ? node : null;

    public JsonObject TargetRef() => new()
    {
        ["kind"] = "Pod",
        ["namespace"] = Pod.Namespace(),
        ["name"] = Pod.Name(),
        ["uid"] = Pod.Uid(),
    };
}
