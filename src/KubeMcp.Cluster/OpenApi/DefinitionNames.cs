using System.Collections.Frozen;
using System.Reflection;
using System.Text.RegularExpressions;
using k8s.Models;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// Maps KubernetesClient model classes to the definition names a real API server uses in its OpenAPI documents,
/// e.g. <c>V1PodSpec</c> → <c>io.k8s.api.core.v1.PodSpec</c>. The class names carry the version but not the API
/// group, so each class is placed in the group of the first kind (core first) whose schema reaches it; the shared
/// apimachinery types are listed explicitly.
/// </summary>
internal static partial class DefinitionNames
{
    public const string ObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    public const string ListMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";
    public const string Status = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
    public const string DeleteOptions = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
    public const string Patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";

    private const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    private static readonly FrozenSet<string> MetaTypes = FrozenSet.ToFrozenSet(
    [
        "ObjectMeta", "ListMeta", "LabelSelector", "LabelSelectorRequirement", "FieldSelectorRequirement",
        "ManagedFieldsEntry", "OwnerReference", "Condition", "Status", "StatusDetails", "StatusCause", "DeleteOptions",
        "Preconditions", "APIResource", "APIResourceList", "APIGroup", "APIGroupList", "APIVersions",
        "GroupVersionForDiscovery", "ServerAddressByClientCIDR", "WatchEvent", "Patch",
    ]);

    private static readonly Lazy<FrozenDictionary<Type, string>> Assigned = new(Assign);

    /// <summary>The definition name of a model class (or of the IntOrString/Quantity leaf types).</summary>
    public static string Of(Type type)
    {
        if (type == typeof(IntOrString))
        {
            return IntOrString;
        }
        if (type == typeof(ResourceQuantity))
        {
            return Quantity;
        }
        return Assigned.Value.TryGetValue(type, out var name) ? name : Derive(type, "", null);
    }

    /// <summary>The definition name of a kind, e.g. <c>io.k8s.api.apps.v1.Deployment</c> or, for custom resources,
    /// the reversed group: <c>com.example.stable.v1.CronTab</c>.</summary>
    public static string ForKind(string group, string version, string kind, bool custom = false) =>
        $"{(custom ? ReversedGroup(group) : PackageOf(group))}.{version}.{kind}";

    /// <summary>The package prefix of a built-in API group.</summary>
    public static string PackageOf(string group) => group switch
    {
        "" => "io.k8s.api.core",
        "apiextensions.k8s.io" => "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions",
        "apiregistration.k8s.io" => "io.k8s.kube-aggregator.pkg.apis.apiregistration",
        "metrics.k8s.io" => "io.k8s.metrics.pkg.apis.metrics",
        _ => "io.k8s.api." + group.Split('.')[0],
    };

    private static string ReversedGroup(string group)
    {
        var labels = group.Split('.');
        Array.Reverse(labels);
        return string.Join('.', labels);
    }

    private static FrozenDictionary<Type, string> Assign()
    {
        var entities = typeof(V1Pod).Assembly.GetTypes()
            .Select(t => (Type: t, Attr: t.GetCustomAttribute<KubernetesEntityAttribute>()))
            .Where(x => x.Attr is not null && ModelShapes.IsModel(x.Type))
            .OrderBy(x => x.Attr!.Group.Length == 0 ? 0 : 1)
            .ThenBy(x => x.Attr!.Group, StringComparer.Ordinal)
            .ThenBy(x => VersionRank(x.Attr!.ApiVersion))
            .ThenBy(x => x.Type.Name, StringComparer.Ordinal);
        var names = new Dictionary<Type, string>();
        foreach (var (type, attr) in entities)
        {
            var group = attr!.Group ?? "";
            if (!names.ContainsKey(type) && !MetaTypes.Contains(attr.Kind))
            {
                names[type] = ForKind(group, attr.ApiVersion, attr.Kind);
            }
            foreach (var nested in ModelShapes.Closure([type]))
            {
                if (!names.ContainsKey(nested))
                {
                    names[nested] = Derive(nested, group, attr.ApiVersion);
                }
            }
        }
        return names.ToFrozenDictionary();
    }

    private static string Derive(Type type, string group, string? ownerVersion)
    {
        var prefixed = GroupPrefixedName().Match(type.Name);
        if (prefixed.Success)
        {
            var prefixGroup = prefixed.Groups[1].Value.ToLowerInvariant() switch
            {
                "core" => "",
                "apiextensions" => "apiextensions.k8s.io",
                "apiregistration" => "apiregistration.k8s.io",
                var other => other,
            };
            return $"{PackageOf(prefixGroup)}.{prefixed.Groups[2].Value}.{prefixed.Groups[3].Value}";
        }
        var versioned = VersionedName().Match(type.Name);
        var version = versioned.Success ? "v" + versioned.Groups[1].Value : ownerVersion ?? "v1";
        var shortName = versioned.Success ? versioned.Groups[2].Value : type.Name;
        if (MetaTypes.Contains(shortName) && version == "v1")
        {
            return MetaPackage + shortName;
        }
        return $"{PackageOf(group)}.{version}.{shortName}";
    }

    private static int VersionRank(string version) =>
        version.Contains("alpha", StringComparison.Ordinal) ? 2 : version.Contains("beta", StringComparison.Ordinal) ? 1 : 0;

    [GeneratedRegex("^V([0-9]+(?:alpha[0-9]+|beta[0-9]+)?)([A-Z].*)$")]
    private static partial Regex VersionedName();

    [GeneratedRegex("^(Admissionregistration|Apiextensions|Apiregistration|Authentication|Core|Discovery|Events|Flowcontrol|Rbac|Resource|Storage)(v[0-9]+(?:alpha[0-9]+|beta[0-9]+)?)([A-Z].*)$")]
    private static partial Regex GroupPrefixedName();
}
