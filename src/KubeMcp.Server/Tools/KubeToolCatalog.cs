using KubeMcp.Server.Tools.Configuration;
using KubeMcp.Server.Tools.Events;
using KubeMcp.Server.Tools.Helm;
using KubeMcp.Server.Tools.Namespaces;
using KubeMcp.Server.Tools.Nodes;
using KubeMcp.Server.Tools.Pods;
using KubeMcp.Server.Tools.Resources;

namespace KubeMcp.Server.Tools;

/// <summary>Every tool this server has, and the subset the options enable (toolsets, read-only, disable-destructive, contexts).</summary>
internal sealed class KubeToolCatalog(ToolServices services)
{
    public IReadOnlyList<KubeTool> All { get; } =
    [
        new ConfigurationContextsListTool(services),
        new ConfigurationViewTool(services),
        new EventsListTool(services),
        new HelmInstallTool(services),
        new HelmListTool(services),
        new HelmUninstallTool(services),
        new NamespacesListTool(services),
        new NodesLogTool(services),
        new NodesStatsSummaryTool(services),
        new NodesTopTool(services),
        new PodsDeleteTool(services),
        new PodsExecTool(services),
        new PodsGetTool(services),
        new PodsListTool(services),
        new PodsListInNamespaceTool(services),
        new PodsLogTool(services),
        new PodsRunTool(services),
        new PodsTopTool(services),
        new ProjectsListTool(services),
        new ResourcesCreateOrUpdateTool(services),
        new ResourcesDeleteTool(services),
        new ResourcesGetTool(services),
        new ResourcesListTool(services),
        new ResourcesScaleTool(services),
    ];

    public IReadOnlyList<KubeTool> Enabled()
    {
        var options = services.Options;
        var toolsets = new HashSet<string>(options.Toolsets.Select(t => t.Trim().ToLowerInvariant()), StringComparer.Ordinal);
        return All.Where(t => toolsets.Contains(t.Toolset))
            .Where(t => !options.ReadOnly || t.Hints.ReadOnly)
            .Where(t => !options.DisableDestructive || !t.Hints.Destructive)
            // Listing contexts only helps when there is more than one to choose from.
            .Where(t => t.Name != "configuration_contexts_list" || services.Connections.IsMultiContext)
            .ToList();
    }
}
