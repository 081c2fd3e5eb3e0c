using System.Text.Json;

namespace KubeMcp.IntegrationTests.Cluster.Nodes;

/// <summary>YAML for the namespaces and pods the kubelet endpoint tests run.</summary>
internal static class Manifests
{
    public static string Namespace(string name) => $"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {name}
        """;

    /// <summary>A pod whose one container <c>main</c> runs <c>sh -c script</c> (or the image's default when null).</summary>
    public static string Pod(string ns, string name, string? script, string image = "busybox:1.36", string restartPolicy = "Always",
        string? extraContainer = null) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          restartPolicy: {restartPolicy}
          containers:
          - name: main
            image: {image}
        {(script is null ? "" : $"    command: [\"sh\", \"-c\", {JsonSerializer.Serialize(script)}]")}
        {(extraContainer is null ? "" : $"  - name: {extraContainer}\n    image: busybox:1.36\n    command: [\"sleep\", \"infinity\"]")}
        """;
}
