using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>deploy/manifests: the chart rendered for kubectl users, installed and checked against an embedded cluster.</summary>
public static class PlainManifests
{
    public const string Namespace = "kubemcp";
    public const string ServiceAccount = "system:serviceaccount:kubemcp:kubemcp";

    public static string File(string name) => RepositoryRoot.Combine("deploy", "manifests", name);

    /// <summary>Applies a manifest file, waits for the Deployment's rollout, and returns the Deployment's Available condition status.</summary>
    public static async Task<string?> InstallAsync(ClusterFixture fixture, string file)
    {
        await fixture.Kubectl.OkAsync("apply", "-f", File(file));
        await fixture.Cluster.SettleAsync();
        await fixture.Kubectl.OkAsync("rollout", "status", "deployment/kubemcp", "-n", Namespace, "--timeout=60s");
        return (await fixture.Kubectl.OkAsync("get", "deployment", "kubemcp", "-n", Namespace,
            "-o", "jsonpath={.status.conditions[?(@.type==\"Available\")].status}")).Trim();
    }

    /// <summary><c>kubectl auth can-i VERB RESOURCE --as=the server's ServiceAccount</c>: "yes" or "no".</summary>
    public static async Task<string> CanIAsync(ClusterFixture fixture, string verb, string resource, string? ns = "default")
    {
        string[] args = ["auth", "can-i", verb, resource, $"--as={ServiceAccount}"];
        var result = await fixture.Kubectl.RunAsync(ns is null ? [.. args, "--all-namespaces"] : [.. args, "-n", ns]);
        return result.Stdout.Trim();
    }
}
