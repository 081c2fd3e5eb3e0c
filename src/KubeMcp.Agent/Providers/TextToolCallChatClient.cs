using System.Runtime.CompilerServices;
using System.Text;
using KubeMcp.Agent.ToolCalling;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Providers;

/// <summary>
/// Turns <c>&lt;tool_call&gt;</c> text in a reply into <see cref="FunctionCallContent"/> when the model wrote its calls as
/// text instead of using the server's native tool calling (common with Qwen and hermes-style models behind
/// OpenAI-compatible servers, and always the case with Triton's generate endpoint).
/// </summary>
/// <remarks>
/// Replies that already carry native calls pass through untouched. Blocks that cannot be parsed are listed in the
/// message's <see cref="ChatResponseProperties.ToolCallErrors"/> property; when no call could be read at all, the
/// text is left as it was so the caller can show it or send the parse errors back to the model. When the server
/// rejects native tool declarations (a 400 naming tools), the request is retried, and later ones sent, with the tools
/// described in the system prompt and the conversation written in the text protocol.
/// </remarks>
public sealed class TextToolCallChatClient : DelegatingChatClient
{
    private volatile bool _textTools;


    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public TextToolCallChatClient(IChatClient innerClient)
        : base(innerClient)
    {
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        if (_textTools && options?.Tools is { Count: > 0 })
        {
            var (textMessages, textOptions) = TextToolProtocol.Apply(messages, options);
            response = await base.GetResponseAsync(textMessages, textOptions, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            try
            {
                response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (options?.Tools is { Count: > 0 } && TextToolProtocol.RejectsNativeTools(ex))
            {
                // The server will not take tool declarations: describe the tools in the prompt instead, from now on.
                _textTools = true;
                var (textMessages, textOptions) = TextToolProtocol.Apply(messages, options);
                response = await base.GetResponseAsync(textMessages, textOptions, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var message in response.Messages)
        {
            Rewrite(message, options);
        }

        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Text streams through until a tag that could start a call or a think block appears; from there it is held
        // back and parsed when the stream ends, so callers never see half a tool call.
        var pending = new StringBuilder();
        var holding = false;
        ChatResponseUpdate? last = null;
        var (sendMessages, sendOptions) = _textTools && options?.Tools is { Count: > 0 }
            ? TextToolProtocol.Apply(messages, options)
            : (messages.ToList(), options);
        await foreach (var update in base.GetStreamingResponseAsync(sendMessages, sendOptions, cancellationToken).ConfigureAwait(false))
        {
            last = update;
            var text = update.Text;
            if (holding || text.Length == 0 || update.Contents.OfType<FunctionCallContent>().Any())
            {
                if (holding)
                {
                    pending.Append(text);
                }
                else
                {
                    yield return update;
                }

                continue;
            }

            pending.Append(text);
            var (ready, rest, hold) = Split(pending.ToString());
            pending.Clear().Append(rest);
            holding = hold;
            if (ready.Length > 0)
            {
                yield return Text(update, ready);
            }
        }

        if (pending.Length == 0)
        {
            yield break;
        }

        var message = new ChatMessage(ChatRole.Assistant, pending.ToString());
        if (holding)
        {
            Rewrite(message, options);
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, message.Contents)
        {
            ModelId = last?.ModelId,
            ResponseId = last?.ResponseId,
            AdditionalProperties = message.AdditionalProperties,
        };
    }

    /// <summary>Splits streamed text into what can be shown now and what must wait (a tag, or what may become one).</summary>
    private static (string Ready, string Held, bool Hold) Split(string text)
    {
        string[] tags = ["<tool_call>", "<think>", "</think>"];
        var ready = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lt = text.IndexOf('<', position);
            if (lt < 0)
            {
                ready.Append(text.AsSpan(position));
                return (ready.ToString(), "", false);
            }

            ready.Append(text.AsSpan(position, lt - position));
            var tail = text[lt..];
            if (tags.Any(t => tail.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            {
                return (ready.ToString(), tail, true);
            }

            if (tags.Any(t => t.StartsWith(tail, StringComparison.OrdinalIgnoreCase)))
            {
                return (ready.ToString(), tail, false); // undecided until more text arrives
            }

            ready.Append('<');
            position = lt + 1;
        }
    }

    private void Rewrite(ChatMessage message, ChatOptions? options)
    {
        if (message.Role != ChatRole.Assistant || message.Contents.OfType<FunctionCallContent>().Any())
        {
            return;
        }

        var text = message.Text;
        var known = options?.Tools?.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var parsed = ToolCallParser.Parse(text, known);
        if (parsed.HasErrors)
        {
            (message.AdditionalProperties ??= [])[ChatResponseProperties.ToolCallErrors] = parsed.Errors.ToArray();
        }

        if (parsed.Calls.Count == 0)
        {
            return;
        }

        var contents = new List<AIContent>();
        if (parsed.Reasoning is not null)
        {
            contents.Add(new TextReasoningContent(parsed.Reasoning));
        }

        if (parsed.Content.Length > 0)
        {
            contents.Add(new TextContent(parsed.Content));
        }

        foreach (var call in parsed.Calls)
        {
            var id = CallIds.New();
            contents.Add(new FunctionCallContent(id, call.Name, FunctionCallArguments.ToDictionary(call.Arguments)));
        }

        message.Contents = contents;
    }

    private static ChatResponseUpdate Text(ChatResponseUpdate template, string text) =>
        new(template.Role ?? ChatRole.Assistant, text) { ModelId = template.ModelId, ResponseId = template.ResponseId };
}
