using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// A container's <c>readinessProbe</c>, <c>livenessProbe</c> or <c>startupProbe</c> with the API's defaults applied
/// (period 10 s, thresholds 1 and 3, no initial delay).
/// </summary>
internal sealed record ProbeSpec(
    string Type,
    ProbeHandler Handler,
    JsonNode? Port,
    string? Host,
    string Path,
    string Scheme,
    IReadOnlyList<string> Command,
    TimeSpan InitialDelay,
    TimeSpan Period,
    int SuccessThreshold,
    int FailureThreshold,
    long? TerminationGracePeriodSeconds)
{
    /// <summary>The probe under <paramref name="field"/> of a container spec; null when absent or without a handler.</summary>
    /// <param name="container">The container spec.</param>
    /// <param name="field"><c>readinessProbe</c>, <c>livenessProbe</c> or <c>startupProbe</c>.</param>
    public static ProbeSpec? Parse(JsonObject container, string field)
    {
        var type = field switch
        {
            "readinessProbe" => "Readiness",
            "livenessProbe" => "Liveness",
            "startupProbe" => "Startup",
            _ => throw new ArgumentException($"{field} is not a container probe", nameof(field)),
        };
        if (container[field] is not JsonObject probe)
        {
            return null;
        }
        (ProbeHandler Handler, JsonObject Action)? handler =
            probe["exec"] is JsonObject exec ? (ProbeHandler.Exec, exec)
            : probe["httpGet"] is JsonObject http ? (ProbeHandler.HttpGet, http)
            : probe["tcpSocket"] is JsonObject tcp ? (ProbeHandler.TcpSocket, tcp)
            : probe["grpc"] is JsonObject grpc ? (ProbeHandler.Grpc, grpc)
            : null;
        if (handler is not { } h)
        {
            return null;
        }
        return new ProbeSpec(
            type,
            h.Handler,
            h.Action["port"]?.DeepClone(),
            h.Action.Str("host") is { Length: > 0 } host ? host : null,
            h.Action.Str("path") ?? "",
            (h.Action.Str("scheme") ?? "HTTP").ToLowerInvariant(),
            (h.Action["command"] as JsonArray ?? []).Select(c => c?.ToString() ?? "").ToList(),
            TimeSpan.FromSeconds(Positive(probe, "initialDelaySeconds", 0, min: 0)),
            TimeSpan.FromSeconds(Positive(probe, "periodSeconds", 10, min: 1)),
            (int)Positive(probe, "successThreshold", 1, min: 1),
            (int)Positive(probe, "failureThreshold", 3, min: 1),
            probe.Int("terminationGracePeriodSeconds"));
    }

    // Validation keeps these in range on the way in; a value that slipped through is clamped, never trusted.
    private static long Positive(JsonObject probe, string field, long fallback, long min) =>
        probe.Int(field) is { } value ? Math.Max(value, min) : fallback;
}
