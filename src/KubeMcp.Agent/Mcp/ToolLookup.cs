using KubeMcp.Agent.ToolCalling;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Agent.Mcp;

/// <summary>Finds a tool in a server's catalog by name, or says which names come closest.</summary>
public static class ToolLookup
{
    /// <summary>The tool called <paramref name="name"/> (exact, case-sensitive like MCP tool names).</summary>
    /// <exception cref="UnknownToolException">No tool has that name; the message lists the closest names.</exception>
    public static ToolDescriptor Find(IReadOnlyList<ToolDescriptor> tools, string name, string serverName)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(name);
        if (tools.FirstOrDefault(t => t.Name == name) is { } tool)
        {
            return tool;
        }

        var names = tools.Select(t => t.Name).ToList();
        var caseOnly = names.Where(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        var suggestions = caseOnly.Concat(NameSuggester.Closest(name, names, 3)).Distinct(StringComparer.Ordinal).Take(3).ToList();
        var hint = suggestions.Count > 0
            ? $" Did you mean {string.Join(", ", suggestions)}?"
            : names.Count > 0 ? $" Its {names.Count} tools: {string.Join(", ", names.Order(StringComparer.Ordinal))}." : " It offers no tools.";
        throw new UnknownToolException(name, suggestions, $"{serverName} has no tool named '{name}'.{hint}");
    }
}
