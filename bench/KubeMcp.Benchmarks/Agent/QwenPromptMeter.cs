using KubeMcp.Agent.Prompting;
using KubeMcp.Agent.Providers;
using Microsoft.Extensions.AI;

namespace KubeMcp.Benchmarks.Agent;

/// <summary>
/// Wraps a chat client and reports, as each response's input tokens, the size of the prompt Triton would be sent for
/// that call (the Qwen3 template with the full tool catalog), estimated as the Triton back-end does.
/// </summary>
internal sealed class QwenPromptMeter(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var prompt = QwenChatTemplate.Render(list, options?.Tools);
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        response.Usage = new UsageDetails { InputTokenCount = TokenEstimator.Estimate(prompt), OutputTokenCount = TokenEstimator.Estimate(QwenChatTemplate.AssistantText(response.Messages[^1])) };
        return response;
    }
}
