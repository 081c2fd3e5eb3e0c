using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Controllers;

/// <summary>
/// A level-triggered control loop, like the kube-controller-manager's: watch events map to work-item keys
/// (<c>namespace/name</c>), and <see cref="Reconcile"/> brings the world for one key towards its spec.
/// </summary>
internal abstract class Controller
{
    public abstract string Name { get; }

    /// <summary>The resources this controller watches and, for each change, the keys it must reconcile.</summary>
    public abstract IEnumerable<ControllerWatch> Watches { get; }

    /// <summary>Reconciles one key; may throw, in which case the key is retried with backoff.</summary>
    public abstract void Reconcile(string key, ControllerContext context);

    /// <summary>Splits a work-item key into namespace and name.</summary>
    protected static (string Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? ("", key) : (key[..slash], key[(slash + 1)..]);
    }
}

/// <summary>One watched resource and how its events map to work-item keys.</summary>
internal sealed record ControllerWatch(string StorageKey, Func<WatchEvent, IEnumerable<string>> KeysFor)
{
    /// <summary>Reconcile the changed object itself.</summary>
    public static ControllerWatch Self(string storageKey) =>
        new(storageKey, e => [e.Namespace.Length == 0 ? e.Name : $"{e.Namespace}/{e.Name}"]);

    /// <summary>Reconcile the controlling owner of the changed object, when it is of the given kind.</summary>
    public static ControllerWatch Owner(string storageKey, string ownerKind) =>
        new(storageKey, e => ControllerRefs.ControllerOf(e.Object, ownerKind) is { } owner ? [$"{e.Namespace}/{owner}"] : []);
}
