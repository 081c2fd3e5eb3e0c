using System.Reflection;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>One serialized property of a KubernetesClient model class.</summary>
/// <param name="JsonName">The wire name, from <c>[JsonPropertyName]</c>.</param>
/// <param name="Property">The CLR property (its declaring type and name key the XML docs).</param>
/// <param name="Shape">The wire shape.</param>
/// <param name="Required">Whether the upstream schema lists the field as required.</param>
internal sealed record ModelField(string JsonName, PropertyInfo Property, FieldShape Shape, bool Required);
