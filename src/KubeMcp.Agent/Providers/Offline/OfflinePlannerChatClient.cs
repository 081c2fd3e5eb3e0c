using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using KubeMcp.Agent.ToolCalling;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>
/// A deterministic, rule-based planner behind the <see cref="IChatClient"/> interface. It is not an LLM and says so
/// in every answer and in <see cref="ChatResponse.ModelId"/>. It drives the same agent loop with the same MCP tools,
/// so KubeMcp works on a machine with no model: it investigates failing pods (list → pod, previous log, events →
/// cause → restart what a restart can fix → verify → report), answers "why is X failing", lists and shows objects,
/// and scales workloads. Anything else gets an honest "cannot do this".
/// </summary>
/// <remarks>
/// The planner keeps no state: each call re-reads the conversation (the latest task and the calls made since) and
/// decides the next move, so it resumes saved sessions. Tool names and parameter names come from the declarations in
/// <see cref="ChatOptions.Tools"/>; tool output is read as the kubectl-style tables KubeMcp's server prints.
/// </remarks>
public sealed class OfflinePlannerChatClient : IChatClient
{
    /// <summary>The <see cref="ChatResponse.ModelId"/> of every response.</summary>
    public const string ModelName = "offline-planner (rule-based, not an LLM)";

    private static readonly ChatClientMetadata s_metadata = new("offline-planner", null, ModelName);

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var session = PlannerSession.From(messages);
        var tools = new PlannerToolbox(options?.Tools);
        var intent = TaskIntent.Parse(session.Task);
        var step = intent.Kind switch
        {
            IntentKind.Triage or IntentKind.Diagnose => TriagePlanner.Next(intent, session, tools),
            IntentKind.List or IntentKind.Describe or IntentKind.Scale or IntentKind.Usage or IntentKind.SecretValue => SimpleRequestPlanner.Next(intent, session, tools),
            _ => PlannerStep.GiveUp(TriageReport.Header + "the offline planner cannot do this task. It can investigate failing pods "
                + "(and restart the ones a restart can fix), explain why a named pod or deployment is failing, list or show objects, "
                + "and scale a deployment (\"scale deployment web to 3\"). For anything else, configure a model with --model-url "
                + "(or KUBEMCP_MODEL_URL)."),
        };

        var contents = new List<AIContent>();
        if (step.Answer is not null)
        {
            contents.Add(new TextContent(step.Answer));
        }

        foreach (var (tool, arguments) in step.Calls)
        {
            var id = CallIds.New("planner");
            contents.Add(new FunctionCallContent(id, tool, FunctionCallArguments.ToDictionary(arguments)));
        }

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = ModelName,
            FinishReason = step.Calls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = 0, TotalTokenCount = 0 },
        };
        if (step.GaveUp)
        {
            response.AdditionalProperties = new() { [ChatResponseProperties.GaveUp] = true };
        }

        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? s_metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
