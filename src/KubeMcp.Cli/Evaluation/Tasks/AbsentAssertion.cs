namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>The object does not exist (or is being deleted).</summary>
internal sealed record AbsentAssertion(ObjectReference Object) : StateAssertion
{
    public override string Describe() => $"{Object} is absent";
}
