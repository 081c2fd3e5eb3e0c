using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Api;

/// <summary>
/// Every resource the cluster serves: the built-in ones plus those of established CustomResourceDefinitions.
/// Readers get an immutable snapshot; CRD changes swap it, and <see cref="Version"/> lets caches (discovery,
/// OpenAPI) notice.
/// </summary>
public sealed class ResourceCatalog
{
    private readonly IReadOnlyList<ResourceType> _builtin;
    private ImmutableArray<ResourceType> _all;
    private int _version;

    public ResourceCatalog()
    {
        _builtin = BuiltinResources.Create();
        _all = [.. _builtin];
    }

    /// <summary>Increments whenever the set of served resources changes.</summary>
    public int Version => Volatile.Read(ref _version);

    public ImmutableArray<ResourceType> All => _all;

    /// <summary>Finds the resource served at a group/version under a plural name.</summary>
    public ResourceType? Find(string group, string version, string plural)
    {
        foreach (var t in _all)
        {
            if (t.Plural == plural && t.Version == version && t.Group == group)
            {
                return t;
            }
        }
        return null;
    }

    /// <summary>Finds the preferred (first-listed) version of a kind in a group, e.g. for owner references.</summary>
    public ResourceType? FindKind(string group, string kind) =>
        _all.FirstOrDefault(t => t.Kind == kind && t.Group == group);

    /// <summary>Finds the resource for an object's apiVersion and kind.</summary>
    public ResourceType? FindByApiVersionKind(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/');
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        return _all.FirstOrDefault(t => t.Kind == kind && t.Group == group && t.Version == version);
    }

    /// <summary>Group names in discovery order: core first, then built-in groups, then custom ones.</summary>
    public IReadOnlyList<string> Groups => _all.Select(t => t.Group).Distinct().ToList();

    /// <summary>Serves (or re-serves) the versions of a CRD that are marked served.</summary>
    public void ApplyCustomResourceDefinition(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var group = spec?["group"]?.ToString() ?? "";
        var names = spec?["names"] as JsonObject;
        var plural = names?["plural"]?.ToString() ?? "";
        var kind = names?["kind"]?.ToString() ?? "";
        var namespaced = spec?["scope"]?.ToString() != "Cluster";
        var shortNames = (names?["shortNames"] as JsonArray)?.Select(n => n!.ToString()).ToArray() ?? [];
        var categories = (names?["categories"] as JsonArray)?.Select(n => n!.ToString()).ToArray() ?? [];
        var types = new List<ResourceType>();
        foreach (var v in (spec?["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (v["served"]?.GetValue<bool>() == false)
            {
                continue;
            }
            var sub = new List<string>();
            if (v["subresources"]?["status"] is not null)
            {
                sub.Add("status");
            }
            if (v["subresources"]?["scale"] is not null)
            {
                sub.Add("scale");
            }
            types.Add(new ResourceType(group, v["name"]?.ToString() ?? "v1", kind, plural, namespaced, shortNames,
                ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"], categories, sub)
            {
                CustomResourceVersion = (JsonObject)v.DeepClone(),
            });
        }
        // Storage version first, so FindKind and owner lookups pick it.
        types.Sort((a, b) => IsStorage(spec, b.Version).CompareTo(IsStorage(spec, a.Version)));
        Swap(all => [.. all.Where(t => !(t.IsCustom && t.Group == group && t.Plural == plural)), .. types]);
    }

    public void RemoveCustomResourceDefinition(string group, string plural) =>
        Swap(all => [.. all.Where(t => !(t.IsCustom && t.Group == group && t.Plural == plural))]);

    private static bool IsStorage(JsonObject? spec, string version) =>
        (spec?["versions"] as JsonArray)?.OfType<JsonObject>()
            .Any(v => v["name"]?.ToString() == version && v["storage"]?.GetValue<bool>() == true) == true;

    private void Swap(Func<ImmutableArray<ResourceType>, ImmutableArray<ResourceType>> change)
    {
        ImmutableInterlocked.Update(ref _all, change);
        Interlocked.Increment(ref _version);
    }
}
