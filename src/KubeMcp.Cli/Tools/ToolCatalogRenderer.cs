using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;
using Spectre.Console;

namespace KubeMcp.Cli.Tools;

/// <summary>Tables for <c>kubemcp tools list</c> and <c>kubemcp tools describe</c>.</summary>
internal static class ToolCatalogRenderer
{
    private const int DescriptionWidth = 100;

    /// <summary>One row per tool: name, what it may do, required parameters, the first line of its description.</summary>
    public static void WriteList(IAnsiConsole console, ToolCatalog catalog)
    {
        var table = NewTable(console, "NAME", "ACCESS", "REQUIRED", "DESCRIPTION");
        foreach (var tool in catalog.Tools)
        {
            var descriptor = tool.ToDescriptor();
            table.AddRow(
                new Text(tool.Name),
                Access(tool.Annotations),
                new Text(descriptor.Required.Count == 0 ? "-" : string.Join(", ", descriptor.Required)),
                new Text(FirstLine(tool.Description)));
        }

        console.Write(table);
        var title = catalog.Server.Title is { } t && t != catalog.Server.Name ? $" ({t})" : "";
        console.MarkupLineInterpolated($"[grey]{catalog.Tools.Count} tools from {catalog.Server.Name}{title} {catalog.Server.Version}, MCP protocol {catalog.ProtocolVersion}.[/]");
    }

    /// <summary>The tool's description, behaviour hints and every parameter with type, required mark, enum and description.</summary>
    public static void WriteDescription(IAnsiConsole console, ToolCatalogTool tool)
    {
        var title = tool.Title ?? tool.Annotations.Title;
        console.MarkupLineInterpolated($"[bold]{tool.Name}[/]{(title is null ? "" : " — " + title)}");
        if (tool.Description.Length > 0)
        {
            console.WriteLine(tool.Description.Trim());
        }

        console.WriteLine();
        console.MarkupLineInterpolated($"Hints: {Hints(tool.Annotations)}");
        var descriptor = tool.ToDescriptor();
        if (descriptor.Properties.Count == 0)
        {
            console.WriteLine("Parameters: none.");
            return;
        }

        console.WriteLine("Parameters:");
        var required = descriptor.Required.ToHashSet(StringComparer.Ordinal);
        var table = NewTable(console, "NAME", "TYPE", "REQUIRED", "DESCRIPTION");
        foreach (var (name, node) in descriptor.Properties)
        {
            var schema = node as JsonObject ?? [];
            table.AddRow(
                new Text(name),
                new Text(SchemaText.TypeOf(schema)),
                new Text(required.Contains(name) ? "yes" : ""),
                new Text(SchemaText.Explain(schema)));
        }

        console.Write(table);
    }

    private static Table NewTable(IAnsiConsole console, params string[] headers)
    {
        var table = new Table { Border = console.Profile.Capabilities.Ansi ? TableBorder.Rounded : TableBorder.None };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    private static Markup Access(ToolCatalogAnnotations a) => (a.ReadOnlyHint, a.DestructiveHint) switch
    {
        (true, _) => new Markup("[green]read-only[/]"),
        (null, null) => new Markup("[grey]unannotated[/]"),
        (_, false) => new Markup("[yellow]writes[/]"),
        _ => new Markup("[red]destructive[/]"),
    };

    private static string Hints(ToolCatalogAnnotations a)
    {
        var hints = new List<string>
        {
            a.ReadOnlyHint switch { true => "read-only", false => "changes state", null => "read-only not stated" },
        };
        if (a.ReadOnlyHint != true)
        {
            hints.Add(a.DestructiveHint switch { true => "destructive", false => "not destructive", null => "destructive not stated (assume destructive)" });
        }

        hints.Add(a.IdempotentHint switch { true => "idempotent", false => "not idempotent", null => "idempotent not stated" });
        hints.Add(a.OpenWorldHint switch { true => "open world", false => "closed world", null => "open world not stated" });
        return string.Join(" · ", hints);
    }

    private static string FirstLine(string description)
    {
        var line = description.Trim().Split('\n', 2)[0].Trim();
        return line.Length <= DescriptionWidth ? line : line[..(DescriptionWidth - 1)] + "…";
    }
}
