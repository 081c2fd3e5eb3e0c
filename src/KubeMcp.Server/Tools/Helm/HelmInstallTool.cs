using System.Text.Json.Nodes;
using KubeMcp.Server.Helm;

namespace KubeMcp.Server.Tools.Helm;

/// <summary>helm_install: installs a chart as a Helm release.</summary>
internal sealed class HelmInstallTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "helm_install";

    public override string Toolset => KubeMcpToolsets.Helm;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: true);

    protected override string Title => "Helm: Install";

    protected override string Description =>
        "Install a Helm chart as a new release (like `helm install`). The chart is a repository reference ('bitnami/nginx'), an " +
        "https:// chart URL or an oci:// reference; local paths and http:// need the operator's permission. values are the " +
        "chart values as a JSON object. The name is generated when absent. Returns the release name, namespace, status and revision. " +
        "Example: {\"chart\": \"oci://registry-1.docker.io/bitnamicharts/nginx\", \"name\": \"web\", \"namespace\": \"apps\", \"values\": {\"replicaCount\": 2}}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("chart", "Chart to install: 'repo/chart', an https:// .tgz URL or an oci:// reference.", required: true),
        ToolParameter.String("name", "Release name (optional; generated when absent)."),
        CommonParameters.Namespace("Namespace to install into (optional; default: the context's namespace)."),
        new ToolParameter("values", "object", "Chart values as a JSON object, e.g. {\"replicaCount\": 2} (optional)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var chart = args.RequiredString("chart");
        ChartSourcePolicy.Check(chart, Services.Options.AllowedChartSources);
        var api = Cluster(args);
        var ns = args.String("namespace") ?? api.DefaultNamespace;
        var helmArgs = new List<string> { "install" };
        if (args.String("name") is { } name)
        {
            helmArgs.Add(name);
        }
        helmArgs.Add(chart);
        if (args.String("name") is null)
        {
            helmArgs.Add("--generate-name");
        }
        helmArgs.AddRange(["--namespace", ns, "--output", "json"]);
        string? valuesFile = null;
        try
        {
            if (args.Object("values") is JsonObject values && values.Count > 0)
            {
                // JSON is YAML, so helm reads the object as a values file as it is.
                valuesFile = Path.Combine(Path.GetTempPath(), $"kubemcp-values-{Guid.NewGuid():N}.json");
                await File.WriteAllTextAsync(valuesFile, values.ToJsonString(), ct);
                helmArgs.AddRange(["--values", valuesFile]);
            }
            string output;
            var note = "";
            try
            {
                output = await Services.Helm.RunAsync(helmArgs, args.String(ContextParameter), ct);
            }
            catch (ToolFailedException e) when (e.Message.Contains("failed to download openapi", StringComparison.Ordinal))
            {
                // Without an OpenAPI document helm cannot validate client-side; the API server still validates every object.
                output = await Services.Helm.RunAsync([.. helmArgs, "--disable-openapi-validation"], args.String(ContextParameter), ct);
                note = "(the cluster serves no OpenAPI schema, so helm's client-side validation was skipped)\n";
            }
            return HelmOutput.DescribeRelease(output) + note;
        }
        finally
        {
            if (valuesFile is not null)
            {
                File.Delete(valuesFile);
            }
        }
    }
}
