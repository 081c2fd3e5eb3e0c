namespace KubeMcp.Agent.Approval;

/// <summary>
/// Asks a person on a text console: <c>y</c> approves this call, <c>a</c> approves every later call of the same tool
/// in this run, anything else (or closed input) refuses.
/// </summary>
public sealed class ConsoleApprovalGate : IApprovalGate
{
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly HashSet<string> _alwaysAllowed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a gate reading answers from <paramref name="input"/> and asking on <paramref name="output"/>.</summary>
    public ConsoleApprovalGate(TextReader input, TextWriter output)
    {
        _input = input;
        _output = output;
    }

    /// <inheritdoc />
    public async ValueTask<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_alwaysAllowed.Contains(request.Tool.Name))
            {
                return ApprovalDecision.Approve($"approved for every {request.Tool.Name} call in this session");
            }

            await _output.WriteAsync($"The agent wants to run a destructive action: {request.Describe()}\nAllow it? [y]es / [n]o / [a]lways for {request.Tool.Name}: ")
                .ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var answer = (await _input.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim().ToLowerInvariant();
            switch (answer)
            {
                case "y" or "yes":
                    return ApprovalDecision.Approve("approved by the person");
                case "a" or "always":
                    _alwaysAllowed.Add(request.Tool.Name);
                    return ApprovalDecision.Approve($"approved by the person for every {request.Tool.Name} call");
                case null:
                    return ApprovalDecision.Deny("no answer (input closed), so it was refused");
                default:
                    return ApprovalDecision.Deny("refused by the person");
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
