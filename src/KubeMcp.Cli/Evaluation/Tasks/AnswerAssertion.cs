namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>
/// What the final answer must say: every group of <see cref="Mentions"/> needs at least one of its phrases, and no
/// phrase of <see cref="Excludes"/> may appear (case-insensitive substrings).
/// </summary>
internal sealed class AnswerAssertion
{
    /// <summary>Groups of alternative phrases, e.g. [["DATABASE_URL"], ["lock file", "lockfile", "pid"]].</summary>
    public IReadOnlyList<IReadOnlyList<string>> Mentions { get; init; } = [];

    /// <summary>Phrases that must not appear.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>Why <paramref name="answer"/> fails, or null when it passes.</summary>
    public string? Check(string? answer)
    {
        var text = answer ?? "";
        foreach (var group in Mentions)
        {
            if (!group.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)))
            {
                return group.Count == 1
                    ? $"the answer does not mention \"{group[0]}\""
                    : $"the answer mentions none of {string.Join(", ", group.Select(p => $"\"{p}\""))}";
            }
        }
        return Excludes.FirstOrDefault(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)) is { } bad
            ? $"the answer mentions \"{bad}\", which it must not"
            : null;
    }
}
