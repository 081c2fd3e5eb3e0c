using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Admission;

/// <summary>
/// Gives Services their cluster IP (from 10.96.0.0/12, as kubeadm clusters use) and node ports (30000–32767), the way
/// the API server's allocators do on create. Addresses are not reused while the cluster runs.
/// </summary>
internal sealed class ServiceAddressAllocator : IAdmissionPlugin
{
    private int _nextIp = 10;
    private int _nextPort = 30000;

    public void Admit(AdmissionContext context, JsonObject obj)
    {
        if (context.Type.Kind != "Service" || context.Type.Group.Length != 0)
        {
            return;
        }
        var spec = obj.Ensure("spec");
        var type = spec["type"]?.ToString() ?? "ClusterIP";
        if (context.Operation == AdmissionOperation.Update && context.Old?["spec"] is JsonObject oldSpec)
        {
            // clusterIP is immutable: carry it over when the update left it out.
            if (string.IsNullOrEmpty(spec["clusterIP"]?.ToString()) && oldSpec["clusterIP"] is { } ip)
            {
                spec["clusterIP"] = ip.DeepClone();
                spec["clusterIPs"] = oldSpec["clusterIPs"]?.DeepClone();
            }
            return;
        }
        if (type == "ExternalName")
        {
            return;
        }
        var clusterIp = spec["clusterIP"]?.ToString();
        if (string.IsNullOrEmpty(clusterIp))
        {
            var n = Interlocked.Increment(ref _nextIp);
            clusterIp = $"10.96.{n / 250}.{(n % 250) + 1}";
            spec["clusterIP"] = clusterIp;
        }
        spec["clusterIPs"] = new JsonArray(clusterIp);
        if (type is "NodePort" or "LoadBalancer" && spec["ports"] is JsonArray ports)
        {
            foreach (var port in ports.OfType<JsonObject>().Where(p => p["nodePort"] is null))
            {
                port["nodePort"] = Interlocked.Increment(ref _nextPort);
            }
        }
    }
}
