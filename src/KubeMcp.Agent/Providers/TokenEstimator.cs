using System.Text.Json;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Providers;

/// <summary>
/// A rough token count for when a server reports none. Errs high (about 3.5 characters per token, the ratio for
/// English mixed with JSON and YAML in BPE vocabularies such as Qwen's), because it guards budgets and context limits.
/// </summary>
public static class TokenEstimator
{
    /// <summary>Estimated tokens in <paramref name="text"/>.</summary>
    public static int Estimate(string? text) => string.IsNullOrEmpty(text) ? 0 : (int)Math.Ceiling(text.Length / 3.5);

    /// <summary>Estimated prompt tokens for a conversation plus its tool declarations.</summary>
    public static int Estimate(IEnumerable<ChatMessage> messages, IEnumerable<AITool>? tools = null)
    {
        var total = 0;
        foreach (var message in messages)
        {
            total += 4; // turn framing
            foreach (var content in message.Contents)
            {
                total += content switch
                {
                    TextContent t => Estimate(t.Text),
                    FunctionCallContent c => Estimate(c.Name) + Estimate(JsonSerializer.Serialize(c.Arguments, AIJsonUtilities.DefaultOptions)) + 8,
                    FunctionResultContent r => Estimate(ToolCalling.FunctionCallArguments.ResultText(r.Result)) + 8,
                    _ => 0,
                };
            }
        }

        foreach (var tool in tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            total += Estimate(tool.Name) + Estimate(tool.Description) + Estimate(tool.JsonSchema.GetRawText()) + 10;
        }

        return total;
    }
}
