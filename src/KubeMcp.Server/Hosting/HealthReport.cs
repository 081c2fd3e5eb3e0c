using System.Text.Json.Serialization;

namespace KubeMcp.Server.Hosting;

/// <summary>The body of <c>/healthz</c>.</summary>
internal sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonPropertyName("context"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Context,
    [property: JsonPropertyName("kubernetesVersion"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? KubernetesVersion);
