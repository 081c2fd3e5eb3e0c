using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Namespaces;

/// <summary>projects_list: OpenShift projects (namespaces the user may see), where the cluster is OpenShift.</summary>
internal sealed class ProjectsListTool(ToolServices services) : KubeTool(services)
{
    private readonly ListRenderer _renderer = new(services);

    public override string Name => "projects_list";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Projects: List";

    protected override string Description =>
        "List OpenShift projects (project.openshift.io). Only OpenShift clusters have projects; on any other cluster use namespaces_list.";

    protected override IReadOnlyList<ToolParameter> Parameters => [];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        try
        {
            return await _renderer.ListAsync(Cluster(args), ApiResource.Projects, null, ListQuery.All, ct);
        }
        catch (KubeApiException e) when (e.StatusCode == 404)
        {
            throw new ToolFailedException("this cluster is not OpenShift (it does not serve project.openshift.io/v1); use namespaces_list instead.", e);
        }
    }
}
