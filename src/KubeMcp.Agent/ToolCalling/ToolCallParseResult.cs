using System.Text;

namespace KubeMcp.Agent.ToolCalling;

/// <summary>What <see cref="ToolCallParser"/> found in one model reply.</summary>
/// <param name="Calls">The tool calls that could be read, in the order written.</param>
/// <param name="Content">The reply's text without reasoning and tool-call blocks (the answer, if there are no calls).</param>
/// <param name="Reasoning">The text of <c>&lt;think&gt;</c> blocks, if any.</param>
/// <param name="Errors">One message per tool-call block that could not be read.</param>
public sealed record ToolCallParseResult(
    IReadOnlyList<ParsedToolCall> Calls,
    string Content,
    string? Reasoning,
    IReadOnlyList<string> Errors)
{
    /// <summary>True when at least one tool-call block could not be read.</summary>
    public bool HasErrors => Errors.Count > 0;

    /// <summary>
    /// A note to send back to the model when some calls could not be read, so it can write them again; null when
    /// everything parsed.
    /// </summary>
    public string? FeedbackForModel()
    {
        if (!HasErrors)
        {
            return null;
        }

        var sb = new StringBuilder("Some of your tool calls could not be read and were not run:\n");
        foreach (var error in Errors)
        {
            sb.Append("- ").Append(error).Append('\n');
        }

        sb.Append("Write each call as <tool_call>{\"name\": \"<tool name>\", \"arguments\": {<parameters as JSON>}}</tool_call> ")
          .Append("with valid JSON (double quotes, no trailing commas), one call per block.");
        return sb.ToString();
    }
}
