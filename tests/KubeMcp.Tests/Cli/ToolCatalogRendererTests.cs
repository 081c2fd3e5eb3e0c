using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;
using KubeMcp.Cli.Tools;
using Spectre.Console;

namespace KubeMcp.Tests.Cli;

public sealed class ToolCatalogRendererTests
{
    private static ToolCatalogTool Tool(string name, string schema, ToolCatalogAnnotations annotations, string description = "Does things.\nSecond line.") =>
        new(name, description, JsonNode.Parse(schema)!.AsObject(), annotations);

    private static readonly ToolCatalogTool PodsLog = Tool("pods_log", """
        {"type":"object","properties":{
          "name":{"type":"string","description":"Name of the pod."},
          "tail":{"type":"integer","description":"Lines to return.","default":100,"minimum":0},
          "output":{"type":"string","enum":["text","json"]},
          "command":{"type":"array","items":{"type":"string"}},
          "since":{"anyOf":[{"type":"string"},{"type":"null"}]}},
         "required":["name"]}
        """, new ToolCatalogAnnotations("Pods: Log", ReadOnlyHint: true, IdempotentHint: false, OpenWorldHint: true));

    [Fact]
    public void List_OneRowPerToolWithAccessAndRequiredParameters()
    {
        var (console, output) = PlainConsole.Create();
        var catalog = new ToolCatalog(new ToolCatalogServer("kubemcp", "0.1.0", "KubeMcp"), "2025-11-25", ToolCatalog.StreamableHttp, "http://x/mcp", DateTimeOffset.UnixEpoch,
        [
            PodsLog,
            Tool("pods_delete", """{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""", new ToolCatalogAnnotations(DestructiveHint: true)),
            Tool("pods_run", """{"type":"object"}""", new ToolCatalogAnnotations(ReadOnlyHint: false, DestructiveHint: false)),
            Tool("mystery", """{"type":"object"}""", new ToolCatalogAnnotations(), description: ""),
        ]);

        ToolCatalogRenderer.WriteList(console, catalog);

        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Matches(@"^NAME\s+ACCESS\s+REQUIRED\s+DESCRIPTION$", lines[0]);
        Assert.Matches(@"^pods_log\s+read-only\s+name\s+Does things\.$", lines[1]);
        Assert.Matches(@"^pods_delete\s+destructive\s+name\s+Does things\.$", lines[2]);
        Assert.Matches(@"^pods_run\s+writes\s+-\s+Does things\.$", lines[3]);
        Assert.Matches(@"^mystery\s+unannotated\s+-$", lines[4]);
        Assert.Equal("4 tools from kubemcp (KubeMcp) 0.1.0, MCP protocol 2025-11-25.", lines[5]);
    }

    [Fact]
    public void Describe_ParametersWithTypesRequiredMarksEnumsAndDefaults()
    {
        var (console, output) = PlainConsole.Create();

        ToolCatalogRenderer.WriteDescription(console, PodsLog);

        var text = output.ToString();
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Equal("pods_log — Pods: Log", lines[0]);
        Assert.Equal("Does things.", lines[1]);
        Assert.Equal("Second line.", lines[2]);
        Assert.Contains("Hints: read-only · not idempotent · open world", text);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^name\s+string\s+yes\s+Name of the pod\.$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^tail\s+integer\s+Lines to return\. Default: 100\. Minimum: 0\.$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^output\s+string\s+One of: text, json\.$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^command\s+array of string$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^since\s+string \| null$"));
    }

    [Fact]
    public void Describe_ToolWithoutParameters()
    {
        var (console, output) = PlainConsole.Create();

        ToolCatalogRenderer.WriteDescription(console, Tool("namespaces_list", """{"type":"object"}""", new ToolCatalogAnnotations(ReadOnlyHint: true)));

        Assert.Contains("Parameters: none.", output.ToString());
    }
}
