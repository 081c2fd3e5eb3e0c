using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers;

/// <summary>
/// Deletes Events an hour after they were last written, on the simulation clock, as kube-apiserver's
/// <c>--event-ttl</c> (1h by default) does through etcd leases; without it every pod start would leave its Events
/// in memory for good.
/// </summary>
/// <remarks>
/// One sweep key instead of a timer per Event: an Event written later never expires earlier than one already
/// scheduled for, so while a sweep is armed new Events need no work, and each sweep deletes everything due and arms
/// the next one no sooner than <see cref="MinimumInterval"/> later, so expiring many Events costs a few list passes.
/// </remarks>
internal sealed class EventTtlController : Controller
{
    /// <summary>kube-apiserver's default <c>--event-ttl</c>.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    /// <summary>The shortest time between two sweeps.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    private const string SweepKey = "sweep";

    private volatile bool _armed;

    public override string Name => "event-ttl";

    public override IEnumerable<ControllerWatch> Watches =>
        [new ControllerWatch("events", e => _armed || e.Type == Store.WatchEventType.Deleted ? [] : [SweepKey])];

    public override void Reconcile(string key, ControllerContext context)
    {
        // Disarm before listing: an Event added while the sweep runs either is in the list or queues another sweep.
        _armed = false;
        var events = context.Type("", "events");
        var now = context.Now;
        DateTimeOffset? next = null;
        foreach (var e in context.List(events, null))
        {
            var expiry = LastWritten(e) + Ttl;
            if (expiry > now)
            {
                next = next is { } n && n < expiry ? n : expiry;
                continue;
            }
            try
            {
                context.Registry.Delete(events, e.Namespace(), e.Name(), new DeleteOptions(PreconditionUid: e.Uid()));
            }
            catch (ApiException ex) when (ex.Code is 404 or 409)
            {
            }
        }
        if (next is { } due)
        {
            _armed = true;
            context.Requeue(SweepKey, due - now > MinimumInterval ? due - now : MinimumInterval);
        }
    }

    /// <summary>When the Event was last written: its newest managedFields time, else its newest timestamp field.</summary>
    private static DateTimeOffset LastWritten(JsonObject e)
    {
        var latest = DateTimeOffset.MinValue;
        void Consider(string? stamp)
        {
            if (JsonObjectExtensions.ParseTimestamp(stamp) is { } t && t > latest)
            {
                latest = t;
            }
        }
        Consider(e.Str("metadata.creationTimestamp"));
        Consider(e.Str("lastTimestamp"));
        Consider(e.Str("eventTime"));
        Consider(e.Str("series.lastObservedTime"));
        if (Patching.ManagedFields.Entries(e) is JsonArray entries)
        {
            foreach (var entry in entries)
            {
                Consider(entry?["time"]?.ToString());
            }
        }
        return latest;
    }
}
