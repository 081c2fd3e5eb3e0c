using KubeMcp.Agent.Providers;
using KubeMcp.Agent.ToolCalling;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Loop;

/// <summary>
/// Keeps the prompt inside the model's window. First, older tool results are replaced by a one-line note (oldest
/// first); then, if that is not enough, whole older exchanges are dropped. The system prompt, the current task and
/// the latest step are never touched. The input list and its messages are not modified.
/// </summary>
internal static class ContextCompactor
{
    internal readonly record struct Result(List<ChatMessage> Messages, int TokensBefore, int TokensAfter, int ResultsElided, int MessagesDropped)
    {
        public bool Changed => ResultsElided > 0 || MessagesDropped > 0;
    }

    /// <param name="messages">System prompt first.</param>
    /// <param name="taskIndex">Index of the current task's user message.</param>
    /// <param name="budgetTokens">Largest acceptable prompt estimate.</param>
    /// <param name="tools">Declarations sent with the prompt (they count too).</param>
    public static Result Compact(IReadOnlyList<ChatMessage> messages, int taskIndex, int budgetTokens, IList<AITool>? tools)
    {
        var working = messages.ToList();
        var before = TokenEstimator.Estimate(working, tools);
        if (before <= budgetTokens)
        {
            return new Result(working, before, before, 0, 0);
        }

        var latestStep = ProtectedFrom(working, taskIndex);
        var names = CallNames(working);
        var elided = 0;
        var estimate = before;

        for (var i = 1; i < latestStep && estimate > budgetTokens; i++)
        {
            var message = working[i];
            if (!message.Contents.Any(c => c is FunctionResultContent r && !IsElided(r)))
            {
                continue;
            }

            var contents = message.Contents.Select(c => c is FunctionResultContent r && !IsElided(r) ? Elide(r, names) : c).ToList();
            elided += contents.Count(c => c is FunctionResultContent r && IsElided(r)) - message.Contents.Count(c => c is FunctionResultContent r && IsElided(r));
            working[i] = new ChatMessage(message.Role, contents) { AuthorName = message.AuthorName, AdditionalProperties = message.AdditionalProperties };
            estimate = TokenEstimator.Estimate(working, tools);
        }

        // Still too big: drop the oldest exchanges between the system prompt and the latest step, keeping the task.
        var dropped = 0;
        var index = 1;
        while (estimate > budgetTokens && index < ProtectedFrom(working, taskIndex - dropped))
        {
            if (index == taskIndex - dropped)
            {
                index++;
                continue;
            }

            var group = GroupLength(working, index);
            working.RemoveRange(index, group);
            dropped += group;
            estimate = TokenEstimator.Estimate(working, tools);
        }

        if (dropped > 0)
        {
            working.Insert(1, new ChatMessage(ChatRole.User, $"[{dropped} earlier messages were removed to fit the context window.]")
            {
                AdditionalProperties = new() { [AgentRunner.NoteProperty] = true },
            });
            estimate = TokenEstimator.Estimate(working, tools);
        }

        return new Result(working, before, estimate, elided, dropped);
    }

    private const string ElidedPrefix = "[Earlier output of ";

    private static bool IsElided(FunctionResultContent r) =>
        r.Result is string s && s.StartsWith(ElidedPrefix, StringComparison.Ordinal);

    private static FunctionResultContent Elide(FunctionResultContent r, Dictionary<string, string> names)
    {
        var text = FunctionCallArguments.ResultText(r.Result);
        var firstLine = text.Split('\n', 2)[0].Trim();
        if (firstLine.Length > 80)
        {
            firstLine = firstLine[..79] + "…";
        }

        var tool = names.GetValueOrDefault(r.CallId, "a tool");
        return new FunctionResultContent(r.CallId,
            $"{ElidedPrefix}{tool} elided to save context ({text.Length:N0} characters; began: \"{firstLine}\"). Call it again if you need it.]");
    }

    private static Dictionary<string, string> CallNames(List<ChatMessage> messages) =>
        messages.SelectMany(m => m.Contents.OfType<FunctionCallContent>())
            .GroupBy(c => c.CallId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    /// <summary>Where the current task's latest step begins (its last assistant message); nothing from there on is touched.</summary>
    private static int ProtectedFrom(List<ChatMessage> messages, int taskIndex)
    {
        for (var i = messages.Count - 1; i > taskIndex; i--)
        {
            if (messages[i].Role == ChatRole.Assistant)
            {
                return i;
            }
        }

        return messages.Count;
    }

    /// <summary>An assistant message and the tool results that answer it go together; anything else alone.</summary>
    private static int GroupLength(List<ChatMessage> messages, int index)
    {
        if (messages[index].Role != ChatRole.Assistant)
        {
            return 1;
        }

        var length = 1;
        while (index + length < messages.Count && messages[index + length].Role == ChatRole.Tool)
        {
            length++;
        }

        return length;
    }
}
