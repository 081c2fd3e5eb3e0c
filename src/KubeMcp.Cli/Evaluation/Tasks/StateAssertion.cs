namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>One assertion over the cluster's state.</summary>
internal abstract record StateAssertion
{
    /// <summary>The assertion in words, for reports.</summary>
    public abstract string Describe();
}

/// <summary>The object exists (and is not being deleted).</summary>
internal sealed record ExistsAssertion(ObjectReference Object) : StateAssertion
{
    public override string Describe() => $"{Object} exists";
}

/// <summary>The object does not exist (or is being deleted).</summary>
internal sealed record AbsentAssertion(ObjectReference Object) : StateAssertion
{
    public override string Describe() => $"{Object} is absent";
}

/// <summary>A field of the object, selected with kubectl's JSONPath, compares as given.</summary>
internal sealed record FieldAssertion(ObjectReference Object, string Path, FieldComparison Comparison, string Value) : StateAssertion
{
    public override string Describe() => $"{Object} {Path} {Comparison switch
    {
        FieldComparison.Equals => "equals",
        FieldComparison.NotEquals => "does not equal",
        FieldComparison.Contains => "contains",
        _ => "matches",
    }} \"{Value}\"";
}

/// <summary>How many pods (matching a selector) are in a phase and ready: exactly <c>Count</c> or at least <c>Min</c>.</summary>
internal sealed record PodsAssertion(string Namespace, string? Selector, string Phase, bool? Ready, int? Count, int? Min) : StateAssertion
{
    public override string Describe() =>
        $"{(Count is { } n ? $"exactly {n}" : $"at least {Min}")} {(Ready is true ? "ready " : Ready is false ? "unready " : "")}{Phase} pods in {Namespace}" +
        (Selector is null ? "" : $" with {Selector}");
}
