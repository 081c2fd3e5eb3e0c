using System.CommandLine;
using KubeMcp.Cli.Commands;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>deploy/helm/kubemcp through the real helm: lint, render, and the RBAC and pod settings each mode produces.</summary>
public sealed class HelmChartTests
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];

    [Theory]
    [InlineData(null)]
    [InlineData("read-write-values.yaml")]
    [InlineData("all-features-values.yaml")]
    public async Task Lint_PassesWithoutWarnings(string? valuesFile)
    {
        string[] args = valuesFile is null ? ["lint", HelmCli.Chart] : ["lint", HelmCli.Chart, "--values", HelmCli.ValuesFile(valuesFile)];

        var result = await HelmCli.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", result.Stdout);
        Assert.DoesNotContain("[WARNING]", result.Stdout);
    }

    [Fact]
    public async Task Template_Default_RendersTheServerWithLeastPrivilege()
    {
        var chart = await RenderedChart.TemplateAsync();

        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "Deployment", "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceAccount"],
            chart.Kinds.Order().ToArray());
        var grants = chart.Grants();
        Assert.All(grants, g => Assert.Contains(g.Verb, g.Resource is "pods/log" or "nodes/proxy" ? ["get"] : ReadVerbs));
        Assert.DoesNotContain(grants, g => g.Resource == "secrets");
        Assert.Contains(("", "pods", "list"), grants);
        Assert.Contains(("apps", "deployments", "watch"), grants);
        Assert.Contains(("", "pods/log", "get"), grants);
        Assert.Contains(("metrics.k8s.io", "pods", "list"), grants);
        Assert.Contains(("", "nodes/proxy", "get"), grants);
        Assert.DoesNotContain(grants, g => g.Resource == "pods/exec");
        Assert.Contains("--read-only", chart.Args);
        var binding = chart.Single("ClusterRoleBinding");
        Assert.Equal("kubemcp", (string?)binding["subjects"]![0]!["name"]);
        Assert.Equal("kubemcp", (string?)binding["subjects"]![0]!["namespace"]);
    }

    [Fact]
    public async Task Template_ReadWrite_GrantsWriteVerbsAndExecButStillNoSecrets()
    {
        var chart = await RenderedChart.TemplateAsync("--values", HelmCli.ValuesFile("read-write-values.yaml"));

        var grants = chart.Grants();
        Assert.Contains(("", "pods", "delete"), grants);
        Assert.Contains(("", "pods", "create"), grants);
        Assert.Contains(("apps", "deployments", "patch"), grants);
        Assert.Contains(("apps", "deployments/scale", "update"), grants);
        Assert.Contains(("", "pods/exec", "create"), grants);
        Assert.DoesNotContain(grants, g => g.Resource == "secrets");
        Assert.DoesNotContain("--read-only", chart.Args);
    }

    [Fact]
    public async Task Template_DisableDestructive_GrantsCreateButNoDeleteUpdateOrExec()
    {
        var chart = await RenderedChart.TemplateAsync("--set", "server.readOnly=false,server.disableDestructive=true");

        var grants = chart.Grants();
        Assert.Contains(("", "pods", "create"), grants);
        Assert.DoesNotContain(grants, g => g.Verb is "delete" or "update" or "patch");
        Assert.DoesNotContain(grants, g => g.Resource is "pods/exec" or "deployments/scale");
        Assert.Contains("--disable-destructive", chart.Args);
    }

    [Fact]
    public async Task Template_SecretsAreReadOnlyWhenAskedOrWhenHelmKeepsReleasesInThem()
    {
        var asked = await RenderedChart.TemplateAsync("--set", "rbac.secrets=true");
        var helmSecrets = await RenderedChart.TemplateAsync("--set", "server.toolsets={core,helm}");
        var helmConfigMaps = await RenderedChart.TemplateAsync("--set", "server.toolsets={core,helm},helm.storageDriver=configmap");

        Assert.Contains(("", "secrets", "list"), asked.Grants());
        Assert.DoesNotContain(asked.Grants(), g => g.Resource == "secrets" && !ReadVerbs.Contains(g.Verb));
        Assert.Contains(("", "secrets", "get"), helmSecrets.Grants());
        Assert.DoesNotContain(helmConfigMaps.Grants(), g => g.Resource == "secrets");
        Assert.Contains("HELM_DRIVER", helmConfigMaps.Container["env"]!.AsArray().Select(e => (string?)e!["name"]));
    }

    [Fact]
    public async Task Template_ConfigToolsetAlone_NeedsNoClusterAccess()
    {
        var chart = await RenderedChart.TemplateAsync("--set", "server.toolsets={config}");

        Assert.Empty(chart.OfKind("ClusterRole"));
        Assert.Empty(chart.OfKind("Role"));
    }

    [Fact]
    public async Task Template_NamespacedRbac_PutsObjectRulesInRolesAndNodeRulesInAClusterRole()
    {
        var chart = await RenderedChart.TemplateAsync("--set", "rbac.clusterWide=false,rbac.namespaces={team-a,team-b}");

        var roles = chart.OfKind("Role").ToList();
        Assert.Equal(["team-a", "team-b"], roles.Select(r => (string)r["metadata"]!["namespace"]!).ToArray());
        Assert.Equal(2, chart.OfKind("RoleBinding").Count());
        Assert.Contains(("", "pods", "list"), chart.Grants("Role"));
        Assert.DoesNotContain(chart.Grants(), g => g.Resource == "pods");
        Assert.Contains(("", "nodes", "list"), chart.Grants());
    }

    [Fact]
    public async Task Template_Deployment_RunsHardened()
    {
        var chart = await RenderedChart.TemplateAsync();

        var pod = chart.Single("Deployment")["spec"]!["template"]!["spec"]!;
        var container = chart.Container;
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.Equal(1654L, (long)pod["securityContext"]!["runAsUser"]!);
        Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
        Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
        Assert.False((bool)container["securityContext"]!["allowPrivilegeEscalation"]!);
        Assert.Equal(["ALL"], container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string)c!).ToArray());
        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/healthz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.NotNull(container["resources"]!["requests"]!["memory"]);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
        Assert.Contains(pod["volumes"]!.AsArray(), v => (string?)v!["name"] == "tmp" && v["emptyDir"] is not null);
        Assert.Equal(["--bind", "0.0.0.0"], chart.Args.Skip(1).Take(2).ToArray());
    }

    /// <summary>The chart's values→flags template stays in step with `kubemcp serve`: every flag it emits must parse.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("read-write-values.yaml")]
    [InlineData("all-features-values.yaml")]
    public async Task Template_ContainerArgs_AreAcceptedByKubemcpServe(string? valuesFile)
    {
        var chart = await RenderedChart.TemplateAsync(valuesFile is null ? [] : ["--values", HelmCli.ValuesFile(valuesFile)]);

        var parsed = new RootCommand { KubeMcp.Server.Hosting.ServeCommand.Create(EmbeddedServe.StartAsync) }.Parse(chart.Args.ToArray());

        Assert.Empty(parsed.Errors.Select(e => e.Message));
        Assert.Equal("serve", parsed.CommandResult.Command.Name);
    }

    [Theory]
    [InlineData("replicaCount=2", "replicaCount > 1 needs server.stateless=true")]
    [InlineData("auth.mode=tokens", "auth.mode=tokens needs auth.existingSecret")]
    [InlineData("auth.mode=password", "auth.mode must be one of the following")]
    [InlineData("server.toolsets={core,kubectl}", "server.toolsets.1 must be one of the following")]
    [InlineData("helm.storageDriver=sql", "helm.storageDriver must be one of the following")]
    public async Task Template_RefusesValuesThatCannotWork(string set, string message)
    {
        var result = await HelmCli.RunAsync("template", "kubemcp", HelmCli.Chart, "--set", set);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }
}
