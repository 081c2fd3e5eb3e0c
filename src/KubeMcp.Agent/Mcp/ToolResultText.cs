using System.Text;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Agent.Mcp;

/// <summary>A tool result as text: text blocks as they are, other blocks as a one-line placeholder.</summary>
public static class ToolResultText
{
    /// <summary>
    /// The result's text blocks joined by newlines; images, audio and resources are named but not inlined. When there is
    /// no content at all, the structured content's JSON.
    /// </summary>
    public static string Render(CallToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var block in result.Content)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(block switch
            {
                TextContentBlock t => t.Text,
                ImageContentBlock i => $"[image content ({i.MimeType}, {DecodedLength(i.Data.Length)} bytes) omitted]",
                AudioContentBlock a => $"[audio content ({a.MimeType}, {DecodedLength(a.Data.Length)} bytes) omitted]",
                EmbeddedResourceBlock { Resource: TextResourceContents r } => r.Text,
                EmbeddedResourceBlock e => $"[resource {e.Resource.Uri} omitted]",
                ResourceLinkBlock l => $"[resource link: {l.Uri}]",
                _ => $"[{block.Type} content omitted]",
            });
        }

        if (text.Length == 0 && result.StructuredContent is { } structured)
        {
            text.Append(structured.GetRawText());
        }

        return text.ToString();
    }

    // Base64 carries three bytes in four characters.
    private static int DecodedLength(int base64Length) => base64Length / 4 * 3;
}
