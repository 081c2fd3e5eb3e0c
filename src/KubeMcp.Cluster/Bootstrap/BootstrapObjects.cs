using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Bootstrap;

/// <summary>What a fresh cluster holds before anyone uses it: system namespaces, the default StorageClass and nodes.</summary>
internal static class BootstrapObjects
{
    public static readonly string[] SystemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    public static JsonObject StorageClass() => new()
    {
        ["apiVersion"] = "storage.k8s.io/v1",
        ["kind"] = "StorageClass",
        ["metadata"] = new JsonObject
        {
            ["name"] = "standard",
            ["annotations"] = new JsonObject { ["storageclass.kubernetes.io/is-default-class"] = "true" },
        },
        ["provisioner"] = "sim.kubemcp.io/local-path",
        ["reclaimPolicy"] = "Delete",
        ["volumeBindingMode"] = "WaitForFirstConsumer",
        ["allowVolumeExpansion"] = false,
    };

    public static JsonObject KubernetesService() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject
        {
            ["name"] = "kubernetes",
            ["namespace"] = "default",
            ["labels"] = new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" },
        },
        ["spec"] = new JsonObject
        {
            ["type"] = "ClusterIP",
            ["clusterIP"] = "10.96.0.1",
            ["clusterIPs"] = new JsonArray("10.96.0.1"),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = 443, ["protocol"] = "TCP", ["targetPort"] = 6443 }),
            ["sessionAffinity"] = "None",
            ["ipFamilies"] = new JsonArray("IPv4"),
            ["ipFamilyPolicy"] = "SingleStack",
            ["internalTrafficPolicy"] = "Cluster",
        },
    };

    /// <summary>One control-plane node and <paramref name="workers"/> workers (two by default), sized like small cloud VMs.</summary>
    public static IEnumerable<JsonObject> Nodes(DateTimeOffset now, int workers)
    {
        yield return Node("kubemcp-control-plane", "172.18.0.2", controlPlane: true, now);
        for (var i = 1; i <= workers; i++)
        {
            yield return Node(i == 1 ? "kubemcp-worker" : $"kubemcp-worker{i}", $"172.18.{(i + 2) / 250}.{((i + 2) % 250) + 1}", controlPlane: false, now);
        }
    }

    private static JsonObject Node(string name, string ip, bool controlPlane, DateTimeOffset now)
    {
        var labels = new JsonObject
        {
            ["beta.kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
        };
        var spec = new JsonObject { ["podCIDR"] = "10.244.0.0/24", ["providerID"] = $"kubemcp://{name}" };
        if (controlPlane)
        {
            labels["node-role.kubernetes.io/control-plane"] = "";
            labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
            spec["taints"] = new JsonArray(new JsonObject { ["key"] = "node-role.kubernetes.io/control-plane", ["effect"] = "NoSchedule" });
        }
        var (cpu, memory) = controlPlane ? ("2", "4025836Ki") : ("4", "8148516Ki");
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        JsonObject Condition(string type, string status, string reason, string message) => new()
        {
            ["type"] = type,
            ["status"] = status,
            ["lastHeartbeatTime"] = stamp,
            ["lastTransitionTime"] = stamp,
            ["reason"] = reason,
            ["message"] = message,
        };
        JsonObject Resources() => new()
        {
            ["cpu"] = cpu,
            ["ephemeral-storage"] = "102626232Ki",
            ["hugepages-2Mi"] = "0",
            ["memory"] = memory,
            ["pods"] = "110",
        };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = labels,
                ["annotations"] = new JsonObject
                {
                    ["node.alpha.kubernetes.io/ttl"] = "0",
                    ["sim.kubemcp.io/simulated"] = "true",
                    ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true",
                },
            },
            ["spec"] = spec,
            ["status"] = new JsonObject
            {
                ["capacity"] = Resources(),
                ["allocatable"] = Resources(),
                ["conditions"] = new JsonArray(
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                    Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                    Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")),
                ["addresses"] = new JsonArray(
                    new JsonObject { ["type"] = "InternalIP", ["address"] = ip },
                    new JsonObject { ["type"] = "Hostname", ["address"] = name }),
                ["daemonEndpoints"] = new JsonObject { ["kubeletEndpoint"] = new JsonObject { ["Port"] = 10250 } },
                ["nodeInfo"] = new JsonObject
                {
                    ["architecture"] = "amd64",
                    ["bootID"] = Guid.NewGuid().ToString(),
                    ["containerRuntimeVersion"] = "containerd://1.7.24",
                    ["kernelVersion"] = "6.1.0-28-amd64",
                    ["kubeProxyVersion"] = "v1.32.4",
                    ["kubeletVersion"] = "v1.32.4",
                    ["machineID"] = Guid.NewGuid().ToString("N"),
                    ["operatingSystem"] = "linux",
                    ["osImage"] = "Debian GNU/Linux 12 (bookworm)",
                    ["systemUUID"] = Guid.NewGuid().ToString(),
                },
            },
        };
    }
}
