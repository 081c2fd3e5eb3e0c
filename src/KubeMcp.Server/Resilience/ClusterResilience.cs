using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KubeMcp.Server.Resilience;

/// <summary>
/// The resilience pipelines between the server and one cluster: reads (GET, HEAD) are retried with exponential
/// backoff and jitter on 5xx, 408, 429, timeouts and connection failures, honouring <c>Retry-After</c>; writes are
/// never retried, because a write that timed out may have happened. Both share one circuit breaker, so a failing
/// API server gets a pause instead of a stampede, and every attempt has its own timeout.
/// </summary>
internal static class ClusterResilience
{
    public static DelegatingHandler CreateHandler(KubeMcpServerOptions options, TimeProvider clock)
    {
        var breaker = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = Math.Clamp(options.CircuitBreakerFailureRatio, 0.01, 1.0),
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.CircuitBreakDuration < TimeSpan.FromMilliseconds(500) ? TimeSpan.FromMilliseconds(500) : options.CircuitBreakDuration,
            })
            .Build();
        var attemptTimeout = new TimeoutStrategyOptions { Timeout = options.ClusterAttemptTimeout };

        var reads = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (options.ClusterRetries > 0)
        {
            reads.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ClusterRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ClusterRetryDelay,
                MaxDelay = TimeSpan.FromSeconds(5),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }
        var readPipeline = reads.AddPipeline(breaker).AddTimeout(attemptTimeout).Build();
        var writePipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddPipeline(breaker).AddTimeout(attemptTimeout).Build();
        return new ResilienceHandler(request =>
            request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ? readPipeline : writePipeline);
    }

    /// <summary>Failures the next attempt may not see; never the caller's own cancellation.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => true,
        { Exception: HttpRequestException } => true,
        { Exception: IOException } => true,
        { Exception: BrokenCircuitException } => false,
        { Exception: not null } => false,
        { Result: { } response } => (int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented
            || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };
}
