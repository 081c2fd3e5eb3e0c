namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>An object named in an assertion: kind (a kind, plural or short name), optional apiVersion, namespace, name.</summary>
internal sealed record ObjectReference(string Kind, string? ApiVersion, string? Namespace, string Name)
{
    public override string ToString() => $"{Kind} {(Namespace is null ? "" : Namespace + "/")}{Name}";
}
