using k8s;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Benchmarks.Server;

/// <summary>
/// Calls each <see cref="ToolCase"/> on every server (in turn, each after the case's set-up and followed by its
/// undo) and records the characters of the text content the model would read. Tools a server does not list are skipped.
/// </summary>
internal static class OutputSizes
{
    /// <summary>One call's result per server: its characters, or null when that server lacks the tool; and whether it was an error.</summary>
    public sealed record Row(string Label, IReadOnlyList<(int? Chars, bool IsError)> PerServer);

    public static async Task<IReadOnlyList<Row>> MeasureAsync(IKubernetes cluster, IReadOnlyList<ToolCase> cases, IReadOnlyList<string> names,
        IReadOnlyList<Uri> endpoints, string? dump)
    {
        var clients = new List<McpClient>();
        try
        {
            foreach (var endpoint in endpoints)
            {
                clients.Add(await Load.SessionLoad.ConnectAsync(endpoint));
            }
            var tools = new List<HashSet<string>>();
            foreach (var client in clients)
            {
                tools.Add([.. (await client.ListToolsAsync()).Select(t => t.Name)]);
            }
            if (dump is not null)
            {
                Directory.CreateDirectory(dump);
            }
            var rows = new List<Row>();
            for (var c = 0; c < cases.Count; c++)
            {
                var toolCase = cases[c];
                var results = new List<(int?, bool)>();
                for (var s = 0; s < clients.Count; s++)
                {
                    if (!tools[s].Contains(toolCase.Tool))
                    {
                        results.Add((null, false));
                        continue;
                    }
                    if (toolCase.Before is not null)
                    {
                        await toolCase.Before(cluster);
                    }
                    var result = await clients[s].CallToolAsync(toolCase.Tool, toolCase.Args);
                    if (toolCase.After is not null)
                    {
                        await toolCase.After(cluster);
                    }
                    var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
                    results.Add((text.Length, result.IsError == true));
                    if (dump is not null)
                    {
                        await File.WriteAllTextAsync(Path.Combine(dump, $"{c:00}-{toolCase.Tool}-{s}.txt"), $"# {names[s]}: {toolCase.Label}\n{text}");
                    }
                }
                if (results.Any(r => r.Item1 is not null))
                {
                    rows.Add(new Row(toolCase.Label, results));
                }
            }
            return rows;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }
}
