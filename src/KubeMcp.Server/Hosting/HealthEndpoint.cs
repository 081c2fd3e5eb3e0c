using KubeMcp.Server.Kubernetes;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Server.Hosting;

/// <summary><c>GET /healthz</c>: 200 with the version when the cluster answers, 503 with the reason when it does not.</summary>
internal static class HealthEndpoint
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static async Task<IResult> HandleAsync(ClusterConnections connections, CancellationToken ct)
    {
        if (connections.ConfigurationError is { } configError)
        {
            return Unhealthy(configError);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var api = connections.Get(null);
            var version = await api.SendJsonAsync(HttpMethod.Get, "/version", null, null, timeout.Token);
            return Results.Json(new HealthReport("healthy", KubeMcpServerBuilderExtensions.Version, null,
                api.Context.Name, version["gitVersion"]?.GetValue<string>()), HostingJsonContext.Default.HealthReport);
        }
        catch (ClusterUnreachableException e)
        {
            return Unhealthy(e.Message);
        }
        catch (KubeApiException e)
        {
            return Unhealthy($"the API server answered /version with {e.StatusCode} {e.Reason}: {e.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Unhealthy($"the API server did not answer within {ProbeTimeout.TotalSeconds:0} seconds");
        }
    }

    private static IResult Unhealthy(string reason) =>
        Results.Json(new HealthReport("unhealthy", KubeMcpServerBuilderExtensions.Version, reason, null, null), HostingJsonContext.Default.HealthReport,
            statusCode: StatusCodes.Status503ServiceUnavailable);
}
