using KubeMcp.Agent.Events;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KubeMcp.Agent.Loop;

/// <summary>
/// Builds the retry and timeout pipelines for model and tool calls (Polly), on the loop's <see cref="TimeProvider"/>
/// so tests run backoffs on a virtual clock.
/// </summary>
internal static class AgentResilience
{
    /// <summary>
    /// Retry on transient failures (only on requests refused unprocessed when <paramref name="retry"/> is false) with
    /// exponential backoff or the server's Retry-After, around a per-attempt timeout.
    /// </summary>
    public static ResiliencePipeline Create(
        AgentOptions options, TimeSpan attemptTimeout, bool retry, TimeProvider timeProvider, Action<string, RetryScheduledInfo> onRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        // Without retry, a request the server refused unprocessed (429) is still sent again: it never ran.
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.RetryJitter,
                ShouldHandle = args => ValueTask.FromResult(retry
                    ? TransientFailure.IsTransient(args.Outcome.Exception, args.Context.CancellationToken)
                    : TransientFailure.IsUnprocessed(args.Outcome.Exception) && !args.Context.CancellationToken.IsCancellationRequested),
                // The server's Retry-After wins over our own backoff, capped so a hostile server cannot stall the run.
                DelayGenerator = args => ValueTask.FromResult(TransientFailure.RetryAfter(args.Outcome.Exception) is { } wait
                    ? (TimeSpan?)(wait > options.RetryMaxDelay ? options.RetryMaxDelay : wait)
                    : null),
                OnRetry = args =>
                {
                    onRetry(args.Context.OperationKey ?? "call", new RetryScheduledInfo(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception));
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (attemptTimeout > TimeSpan.Zero && attemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = attemptTimeout });
        }

        return builder.Build();
    }

    /// <summary>What <see cref="RetryScheduled"/> reports.</summary>
    internal readonly record struct RetryScheduledInfo(int FailedAttempt, TimeSpan Delay, Exception? Exception);
}
