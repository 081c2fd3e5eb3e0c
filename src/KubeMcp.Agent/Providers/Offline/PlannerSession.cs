using KubeMcp.Agent.Loop;
using KubeMcp.Agent.ToolCalling;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>
/// What the planner can see of the current task: the person's latest request and every call made since, with its
/// result. The planner keeps no state of its own: it re-reads this each time, so a resumed session continues.
/// </summary>
internal sealed class PlannerSession
{
    private PlannerSession(string task, IReadOnlyList<Observation> observations)
    {
        Task = task;
        Observations = observations;
    }

    public string Task { get; }

    public IReadOnlyList<Observation> Observations { get; }

    public static PlannerSession From(IEnumerable<ChatMessage> messages)
    {
        var list = messages.ToList();
        var taskIndex = list.FindLastIndex(m => m.Role == ChatRole.User
            && !m.Contents.Any(c => c is FunctionResultContent)
            && m.AdditionalProperties?.ContainsKey(AgentRunner.NoteProperty) != true);
        var task = taskIndex >= 0 ? list[taskIndex].Text : "";

        var calls = new Dictionary<string, FunctionCallContent>(StringComparer.Ordinal);
        var observations = new List<Observation>();
        foreach (var message in list.Skip(taskIndex + 1))
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    calls[call.CallId] = call;
                }
                else if (content is FunctionResultContent result && calls.TryGetValue(result.CallId, out var made))
                {
                    var isError = result.AdditionalProperties?.TryGetValue(ChatResponseProperties.ToolResultIsError, out var e) == true && e is true;
                    observations.Add(new Observation(made.Name, FunctionCallArguments.ToJsonObject(made.Arguments),
                        FunctionCallArguments.ResultText(result.Result), isError));
                }
            }
        }

        return new PlannerSession(task, observations);
    }

    public Observation? Find(string tool, System.Text.Json.Nodes.JsonObject arguments) =>
        Observations.LastOrDefault(o => o.Matches(tool, arguments));
}
