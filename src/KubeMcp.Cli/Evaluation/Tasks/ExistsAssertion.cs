namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>The object exists (and is not being deleted).</summary>
internal sealed record ExistsAssertion(ObjectReference Object) : StateAssertion
{
    public override string Describe() => $"{Object} exists";
}
