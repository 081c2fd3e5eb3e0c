using System.Text.Json.Nodes;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>
/// Tool calls on the task's virtual clock: after each call the clock moves on by a fixed tick (the time an operator
/// would take between commands), so replacement pods start and back-offs expire as the agent works. When the
/// agent's virtual time runs past the task's limit the run is stopped.
/// </summary>
internal sealed class ClockedToolExecutor : IToolExecutor
{
    private readonly IToolExecutor _inner;
    private readonly VirtualClock _clock;
    private readonly TimeSpan _tick;
    private readonly TimeSpan _limit;
    private readonly CancellationTokenSource _stop;
    private readonly DateTimeOffset _start;

    public ClockedToolExecutor(IToolExecutor inner, VirtualClock clock, TimeSpan tick, TimeSpan limit, CancellationTokenSource stop)
    {
        _inner = inner;
        _clock = clock;
        _tick = tick;
        _limit = limit;
        _stop = stop;
        _start = clock.Now;
    }

    public IReadOnlyList<ToolDescriptor> Tools => _inner.Tools;

    /// <summary>Virtual time since the agent started.</summary>
    public TimeSpan Elapsed => _clock.Now - _start;

    /// <summary>Set when the run was stopped for using more virtual time than allowed.</summary>
    public bool TimeLimitReached { get; private set; }

    public async Task<ToolResult> CallAsync(string name, JsonObject arguments, CancellationToken cancellationToken)
    {
        var result = await _inner.CallAsync(name, arguments, cancellationToken).ConfigureAwait(false);
        await _clock.AdvanceAsync(_tick, cancellationToken, _tick).ConfigureAwait(false);
        if (Elapsed > _limit && !TimeLimitReached)
        {
            TimeLimitReached = true;
            await _stop.CancelAsync().ConfigureAwait(false);
        }
        return result;
    }
}
