using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>How to list pods with the tools at hand, and how to recognise a pod listing among past calls.</summary>
internal static class PodListing
{
    /// <summary>The call that lists pods in <paramref name="ns"/> (all namespaces when null); null when no tool can.</summary>
    public static (string Tool, JsonObject Arguments)? Call(PlannerToolbox tools, string? ns)
    {
        if (ns is null)
        {
            if (tools.Fit("pods_list") is { } all)
            {
                return ("pods_list", all);
            }
        }
        else
        {
            if (tools.Accepts("pods_list", "namespace") && tools.Fit("pods_list", ("namespace", ns)) is { } inNs)
            {
                return ("pods_list", inNs);
            }

            if (tools.Fit("pods_list_in_namespace", ("namespace", ns)) is { } inNamespace)
            {
                return ("pods_list_in_namespace", inNamespace);
            }
        }

        return tools.Fit("resources_list", ("apiVersion", "v1"), ("kind", "Pod"), ("namespace", ns)) is { } generic
            ? ("resources_list", generic)
            : null;
    }

    public static bool IsListing(Observation o) =>
        o.Tool is "pods_list" or "pods_list_in_namespace" || (o.Tool == "resources_list" && o.Arg("kind") == "Pod");
}
