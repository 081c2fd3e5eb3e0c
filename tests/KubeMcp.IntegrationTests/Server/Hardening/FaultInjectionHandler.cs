using System.Collections.Concurrent;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>
/// Sits next to the network on the server's cluster connections and fails requests as told: a status code, a
/// connection reset, a hang, or a slow answer. Counts every request it sees by method and path.
/// </summary>
public sealed class FaultInjectionHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<Fault> _script = new();
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);

    public enum Kind
    {
        Pass,
        Status,
        Reset,
        Hang,
        Slow,
    }

    /// <summary>Requests that match this get the faults; others pass untouched.</summary>
    public Func<HttpRequestMessage, bool> Applies { get; set; } = _ => true;

    /// <summary>The fault for matching requests once the script is used up.</summary>
    public Fault Always { get; set; } = new(Kind.Pass);

    public FaultInjectionHandler Then(Fault fault)
    {
        _script.Enqueue(fault);
        return this;
    }

    public int Count(HttpMethod method, string pathPart) =>
        _seen.Where(p => p.Key.StartsWith(method.Method + " ", StringComparison.Ordinal) && p.Key.Contains(pathPart, StringComparison.Ordinal)).Sum(p => p.Value);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Applies(request))
        {
            return await base.SendAsync(request, cancellationToken);
        }
        _seen.AddOrUpdate($"{request.Method} {request.RequestUri!.AbsolutePath}", 1, (_, n) => n + 1);
        var fault = _script.TryDequeue(out var next) ? next : Always;
        switch (fault.What)
        {
            case Kind.Status:
                return new HttpResponseMessage((System.Net.HttpStatusCode)fault.StatusCode)
                {
                    Content = new StringContent($$"""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"InternalError","message":"injected {{fault.StatusCode}}","code":{{fault.StatusCode}}}"""),
                    RequestMessage = request,
                };
            case Kind.Reset:
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer (injected)", new IOException("Connection reset by peer"));
            case Kind.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            case Kind.Slow:
                await Task.Delay(fault.Delay, cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }

    public sealed record Fault(Kind What, int StatusCode = 500, TimeSpan Delay = default)
    {
        public static Fault Status(int code) => new(Kind.Status, code);

        public static Fault Reset { get; } = new(Kind.Reset);

        public static Fault Hang { get; } = new(Kind.Hang);

        public static Fault Pass { get; } = new(Kind.Pass);

        public static Fault Slow(TimeSpan delay) => new(Kind.Slow, Delay: delay);
    }
}
