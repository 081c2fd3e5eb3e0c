using KubeMcp.Agent.Tools;

namespace KubeMcp.Tests.Agent.Fakes;

/// <summary>Descriptors shaped like KubeMcp's MCP server's core tools (names, parameters, hints).</summary>
internal static class KubeTools
{
    public static ToolDescriptor PodsList { get; } = ReadOnly("pods_list", "List pods in one namespace or all namespaces.",
        """{"type":"object","properties":{"namespace":{"type":"string","description":"Namespace; all namespaces when omitted"},"labelSelector":{"type":"string"}}}""");

    public static ToolDescriptor PodsGet { get; } = ReadOnly("pods_get", "Get a pod as YAML.",
        """{"type":"object","properties":{"name":{"type":"string","description":"Pod name"},"namespace":{"type":"string"}},"required":["name"]}""");

    public static ToolDescriptor PodsLog { get; } = ReadOnly("pods_log", "Get a pod's log.",
        """{"type":"object","properties":{"name":{"type":"string","description":"Pod name"},"namespace":{"type":"string"},"container":{"type":"string"},"previous":{"type":"boolean"},"tail":{"type":"integer","minimum":1}},"required":["name"]}""");

    public static ToolDescriptor EventsList { get; } = ReadOnly("events_list", "List events.",
        """{"type":"object","properties":{"namespace":{"type":"string"},"fieldSelector":{"type":"string"}}}""");

    public static ToolDescriptor NamespacesList { get; } = ReadOnly("namespaces_list", "List namespaces.",
        """{"type":"object","properties":{}}""");

    public static ToolDescriptor PodsDelete { get; } = ToolDescriptor.Create("pods_delete", "Delete a pod.",
        """{"type":"object","properties":{"name":{"type":"string"},"namespace":{"type":"string"}},"required":["name"]}""")
        with { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = true };

    public static ToolDescriptor ResourcesScale { get; } = ToolDescriptor.Create("resources_scale", "Scale a workload.",
        """{"type":"object","properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"},"scale":{"type":"integer"}},"required":["apiVersion","kind","name"]}""")
        with { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = true };

    public static ToolDescriptor PodsExec { get; } = ToolDescriptor.Create("pods_exec", "Run a command in a pod.",
        """{"type":"object","properties":{"name":{"type":"string"},"namespace":{"type":"string"},"command":{"type":"array","items":{"type":"string"}}},"required":["name","command"]}""")
        with { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false };

    public static ToolDescriptor[] Core => [PodsList, PodsGet, PodsLog, EventsList, NamespacesList, PodsDelete, ResourcesScale];

    private static ToolDescriptor ReadOnly(string name, string description, string schema) =>
        ToolDescriptor.Create(name, description, schema) with { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true };
}
