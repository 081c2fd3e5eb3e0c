namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>How a field assertion compares the selected value.</summary>
internal enum FieldComparison
{
    Equals,
    NotEquals,
    Contains,
    Matches,
}
