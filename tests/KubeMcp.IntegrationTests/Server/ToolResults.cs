using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>Helpers to call a tool and read its text.</summary>
public static class ToolResults
{
    public static async Task<(string Text, bool IsError)> CallAsync(this McpClient client, string tool, object? args = null)
    {
        var dict = args is null
            ? new Dictionary<string, object?>()
            : args.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(args));
        var result = await client.CallToolAsync(tool, dict, cancellationToken: TestContext.Current.CancellationToken);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        return (text, result.IsError == true);
    }

    public static async Task<string> OkAsync(this McpClient client, string tool, object? args = null)
    {
        var (text, isError) = await client.CallAsync(tool, args);
        Assert.False(isError, $"{tool} failed: {text}");
        return text;
    }

    public static async Task<string> FailAsync(this McpClient client, string tool, object? args = null)
    {
        var (text, isError) = await client.CallAsync(tool, args);
        Assert.True(isError, $"{tool} was expected to fail but returned: {text}");
        return text;
    }
}
