namespace KubeMcp.Cli.Evaluation.Tasks;

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
