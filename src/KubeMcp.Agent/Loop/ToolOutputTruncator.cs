using KubeMcp.Agent.Tools;

namespace KubeMcp.Agent.Loop;

/// <summary>
/// Cuts long tool output to a character budget, keeping the head (table headers, first objects) and the tail (the
/// latest log lines), and says how to ask for less.
/// </summary>
internal static class ToolOutputTruncator
{
    private static readonly string[] NarrowingParameters =
        ["namespace", "name", "labelSelector", "label_selector", "fieldSelector", "tail", "tailLines", "limit", "container", "since"];

    public static (string Text, bool Truncated) Truncate(string text, int maxChars, ToolDescriptor? tool)
    {
        if (maxChars <= 0 || text.Length <= maxChars)
        {
            return (text, false);
        }

        var headBudget = maxChars * 3 / 5;
        var tailBudget = maxChars - headBudget;
        var headEnd = text.LastIndexOf('\n', Math.Max(0, headBudget - 1));
        headEnd = headEnd <= headBudget / 2 ? headBudget : headEnd + 1;
        var tailStart = text.IndexOf('\n', text.Length - tailBudget);
        tailStart = tailStart < 0 || tailStart - (text.Length - tailBudget) > tailBudget / 2 ? text.Length - tailBudget : tailStart + 1;
        if (tailStart < headEnd)
        {
            tailStart = headEnd;
        }

        var omitted = tailStart - headEnd;
        var available = tool?.Properties.Select(p => p.Key).Where(p => NarrowingParameters.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList() ?? [];
        var how = available.Count > 0
            ? $"To see less, call {tool!.Name} again with {string.Join(", ", available)}."
            : "To see less, ask for a specific object or namespace.";
        var note = $"\n[... {omitted:N0} of {text.Length:N0} characters omitted to fit the output budget. {how}]\n";
        return (text[..headEnd] + note + text[tailStart..], true);
    }
}
