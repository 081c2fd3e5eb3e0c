using System.ClientModel;
using System.Net;
using KubeMcp.Agent.Prompting;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Providers;

/// <summary>
/// Rewrites a request that uses native tool calling into plain text for servers that reject it: tool declarations go
/// into the system prompt (hermes/Qwen format), earlier calls become <c>&lt;tool_call&gt;</c> text and results become
/// <c>&lt;tool_response&gt;</c> user turns.
/// </summary>
internal static class TextToolProtocol
{
    public static (List<ChatMessage> Messages, ChatOptions Options) Apply(IEnumerable<ChatMessage> messages, ChatOptions options)
    {
        var tools = options.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        var textOptions = options.Clone();
        textOptions.Tools = null;
        textOptions.ToolMode = null;
        textOptions.AllowMultipleToolCalls = null;

        var list = messages.ToList();
        var result = new List<ChatMessage>(list.Count + 1);
        var section = QwenChatTemplate.ToolsSection(tools);
        if (list.Count == 0 || list[0].Role != ChatRole.System)
        {
            result.Add(new ChatMessage(ChatRole.System, section));
        }

        for (var i = 0; i < list.Count; i++)
        {
            var message = list[i];
            if (i == 0 && message.Role == ChatRole.System)
            {
                result.Add(new ChatMessage(ChatRole.System, message.Text + "\n\n" + section));
            }
            else if (QwenChatTemplate.IsToolResults(message))
            {
                var results = new List<FunctionResultContent>();
                while (i < list.Count && QwenChatTemplate.IsToolResults(list[i]))
                {
                    results.AddRange(list[i].Contents.OfType<FunctionResultContent>());
                    i++;
                }

                i--;
                result.Add(new ChatMessage(ChatRole.User, QwenChatTemplate.ToolResponses(results)));
            }
            else if (message.Role == ChatRole.Assistant && message.Contents.OfType<FunctionCallContent>().Any())
            {
                result.Add(new ChatMessage(ChatRole.Assistant, QwenChatTemplate.AssistantText(message)));
            }
            else
            {
                result.Add(message);
            }
        }

        return (result, textOptions);
    }

    /// <summary>
    /// True for a 400 that names tools: the server was started without tool support (e.g. vLLM without
    /// <c>--enable-auto-tool-choice</c>) or the model has no tool template.
    /// </summary>
    public static bool RejectsNativeTools(Exception exception)
    {
        var (status, message) = exception switch
        {
            // The OpenAI client only parses OpenAI's error shape; vLLM and others put the reason elsewhere in the body.
            ClientResultException c => (c.Status, c.Message + " " + c.GetRawResponse()?.Content?.ToString()),
            ModelBackendException m => ((int?)m.StatusCode ?? 0, m.Message),
            HttpRequestException h => ((int?)h.StatusCode ?? 0, h.Message),
            _ => (0, ""),
        };
        return status is (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.UnprocessableEntity
            && message.Contains("tool", StringComparison.OrdinalIgnoreCase);
    }
}
