namespace KubeMcp.Agent.ToolCalling;

/// <summary>
/// Ids for tool calls that arrive without one (text calls, the planner). Random rather than counted, because a
/// saved session mixes calls from several processes and OpenAI-compatible servers match results to calls by id.
/// </summary>
internal static class CallIds
{
    public static string New(string prefix = "call") => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
