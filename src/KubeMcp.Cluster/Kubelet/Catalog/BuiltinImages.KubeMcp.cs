using System.Reflection;

namespace KubeMcp.Cluster.Kubelet.Catalog;

internal static partial class BuiltinImages
{
    /// <summary>
    /// KubeMcp's own image (deploy/docker/Dockerfile), tagged with this build's version, so the Helm chart and the
    /// manifests in deploy/ install and run in the embedded cluster as they would in a real one.
    /// </summary>
    private static string KubeMcp
    {
        get
        {
            var version = typeof(BuiltinImages).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
            return $$$"""
                images:
                  - repository: kubemcp
                    os: distroless
                    entrypoint: [/app/kubemcp]
                    cmd: [serve, --bind, 0.0.0.0, --port, "8080"]
                    user: "1654:1654"
                    workingDir: /app
                    env: {HOME: /tmp}
                    executables: [/app/kubemcp]
                    programs:
                      kubemcp:
                        logs:
                          - at: 1500ms
                            lines:
                              - "kubemcp {{version}} serving MCP at http://{{flag:bind:127.0.0.1}}:{{flag:port:8080}}/mcp (sessions on); health at http://{{flag:bind:127.0.0.1}}:{{flag:port:8080}}/healthz"
                        memory: 90Mi
                        ports: [8080]
                    tags: {"{{{version}}}": , latest: "{{{version}}}"}
                """;
        }
    }
}
