namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>How many pods (matching a selector) are in a phase and ready: exactly <c>Count</c> or at least <c>Min</c>.</summary>
internal sealed record PodsAssertion(string Namespace, string? Selector, string Phase, bool? Ready, int? Count, int? Min) : StateAssertion
{
    public override string Describe() =>
        $"{(Count is { } n ? $"exactly {n}" : $"at least {Min}")} {(Ready is true ? "ready " : Ready is false ? "unready " : "")}{Phase} pods in {Namespace}" +
        (Selector is null ? "" : $" with {Selector}");
}
