using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>The planner's next move: tool calls to make, or a final answer.</summary>
internal sealed record PlannerStep(IReadOnlyList<(string Tool, JsonObject Arguments)> Calls, string? Answer, bool GaveUp)
{
    public static PlannerStep Call(params (string Tool, JsonObject Arguments)[] calls) => new(calls, null, false);

    public static PlannerStep Finish(string answer) => new([], answer, false);

    public static PlannerStep GiveUp(string answer) => new([], answer, true);
}
