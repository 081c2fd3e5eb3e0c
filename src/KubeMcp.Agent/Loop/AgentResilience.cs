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
    /// <summary>Retry on transient failures with exponential backoff around a per-attempt timeout.</summary>
    public static ResiliencePipeline Create(
        AgentOptions options, TimeSpan attemptTimeout, bool retry, TimeProvider timeProvider, Action<string, RetryScheduledInfo> onRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (retry && options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.RetryJitter,
                ShouldHandle = args => ValueTask.FromResult(TransientFailure.IsTransient(args.Outcome.Exception, args.Context.CancellationToken)),
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
