using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Chooses the printer for a resource: the built-in printer of its group and kind (the same for every version, as
/// upstream prints the internal version), the CRD version's columns for custom resources, or the API server's
/// default NAME / CREATED AT table for kinds without a printer (roles, CRDs, limit ranges…).
/// </summary>
internal static class PrinterRegistry
{
    private static readonly FrozenDictionary<(string Group, string Kind), ResourcePrinter> BuiltIn = Build();

    private static readonly ConditionalWeakTable<JsonObject, ResourcePrinter> CustomPrinters = [];

    /// <summary>The printer for objects without a dedicated one: <c>Name</c> and <c>Created At</c>.</summary>
    public static ResourcePrinter Default { get; } = new(
        [TableColumn.ObjectName, new TableColumn("Created At", "date", "When the object was created.")],
        (obj, _) => [obj.Text("metadata", "name"), Timestamps.Rfc3339(Timestamps.Parse(obj, "metadata", "creationTimestamp"))]);

    public static ResourcePrinter For(ResourceType type)
    {
        if (type.CustomResourceVersion is { } version)
        {
            return CustomPrinters.GetValue(version, CustomResourcePrinter.Create);
        }
        return BuiltIn.GetValueOrDefault((type.Group, type.Kind)) ?? Default;
    }

    private static FrozenDictionary<(string, string), ResourcePrinter> Build()
    {
        var map = new Dictionary<(string, string), ResourcePrinter>
        {
            [("", "Pod")] = PodPrinter.Create(),
            [("", "Node")] = NodePrinter.Create(),
            [("", "Event")] = EventPrinter.Create(),
            [("events.k8s.io", "Event")] = EventPrinter.Create(),
            [("autoscaling", "HorizontalPodAutoscaler")] = HorizontalPodAutoscalerPrinter.Create(),
        };
        foreach (var (key, printer) in WorkloadPrinters.All()
                     .Concat(BatchPrinters.All())
                     .Concat(CorePrinters.All())
                     .Concat(StoragePrinters.All())
                     .Concat(NetworkingPrinters.All())
                     .Concat(ClusterPrinters.All())
                     .Concat(AdmissionPrinters.All()))
        {
            map.Add(key, printer);
        }
        return map.ToFrozenDictionary();
    }
}
