using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Selectors;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Controllers;

/// <summary>
/// Which selecting objects (Services, PodDisruptionBudgets) select which pods, kept from the watch streams the way an
/// informer's indexer is: a pod change maps to the selectors that match it now and those that matched it before, so
/// a pod whose labels stop matching still updates the object that listed it.
/// </summary>
internal sealed class SelectorIndex(Func<JsonObject, LabelSelector?> selectorOf)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, LabelSelector>> _selectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _matched = new(StringComparer.Ordinal);

    /// <summary>Records a selecting object's selector (or forgets it) and returns its own key.</summary>
    public IEnumerable<string> SelectorChanged(WatchEvent e)
    {
        var key = $"{e.Namespace}/{e.Name}";
        var selector = e.Type == WatchEventType.Deleted ? null : Safe(e.Object);
        lock (_gate)
        {
            if (!_selectors.TryGetValue(e.Namespace, out var inNamespace))
            {
                inNamespace = new Dictionary<string, LabelSelector>(StringComparer.Ordinal);
                _selectors[e.Namespace] = inNamespace;
            }
            if (selector is null)
            {
                inNamespace.Remove(e.Name);
            }
            else
            {
                inNamespace[e.Name] = selector;
            }
        }
        return [key];
    }

    /// <summary>The keys of the selecting objects a pod change concerns.</summary>
    public IEnumerable<string> PodChanged(WatchEvent e)
    {
        var podKey = $"{e.Namespace}/{e.Name}";
        var labels = e.Object.Labels();
        lock (_gate)
        {
            var now = new HashSet<string>(StringComparer.Ordinal);
            if (e.Type != WatchEventType.Deleted && _selectors.TryGetValue(e.Namespace, out var inNamespace))
            {
                foreach (var (name, selector) in inNamespace)
                {
                    if (selector.Matches(labels))
                    {
                        now.Add($"{e.Namespace}/{name}");
                    }
                }
            }
            var keys = new HashSet<string>(now, StringComparer.Ordinal);
            if (_matched.TryGetValue(podKey, out var before))
            {
                keys.UnionWith(before);
            }
            if (now.Count == 0)
            {
                _matched.Remove(podKey);
            }
            else
            {
                _matched[podKey] = now;
            }
            return keys;
        }
    }

    private LabelSelector? Safe(JsonObject obj)
    {
        try
        {
            return selectorOf(obj);
        }
        catch (ApiException)
        {
            // An invalid selector selects nothing, as a controller's failed conversion does.
            return null;
        }
    }
}
