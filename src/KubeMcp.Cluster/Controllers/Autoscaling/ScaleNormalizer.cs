using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Controllers.Autoscaling;

/// <summary>
/// Turns an HPA's raw proposal into the replica count it applies, as the HPA controller does: recent
/// recommendations stabilize it (five minutes for scale-down by default, or the behavior's windows), the behavior's
/// policies (or, without one, "at most double, at least 4") cap the rate, and min/maxReplicas bound it.
/// </summary>
internal sealed class ScaleNormalizer
{
    private static readonly TimeSpan DefaultDownscaleWindow = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, List<(DateTimeOffset At, int Replicas)>> _recommendations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset At, int Delta)>> _scaleEvents = new(StringComparer.Ordinal);

    public void Forget(string key)
    {
        _recommendations.Remove(key);
        _scaleEvents.Remove(key);
    }

    public void RecordScale(string key, int from, int to, DateTimeOffset now)
    {
        if (!_scaleEvents.TryGetValue(key, out var events))
        {
            events = [];
            _scaleEvents[key] = events;
        }
        events.Add((now, to - from));
    }

    public ScaleDecision Normalize(string key, JsonObject hpa, int current, int proposal, int min, int max, DateTimeOffset now)
    {
        var behavior = hpa.At("spec.behavior") as JsonObject;
        var upWindow = TimeSpan.FromSeconds(behavior?.Int("scaleUp.stabilizationWindowSeconds") ?? 0);
        var downWindow = behavior is null ? DefaultDownscaleWindow : TimeSpan.FromSeconds(behavior.Int("scaleDown.stabilizationWindowSeconds") ?? 300);
        if (!_recommendations.TryGetValue(key, out var recent))
        {
            // A newly seen HPA starts from the current size, so it does not scale down before a window has passed.
            recent = [(now, current)];
            _recommendations[key] = recent;
        }
        recent.RemoveAll(r => r.At < now - (upWindow > downWindow ? upWindow : downWindow));
        var up = recent.Where(r => r.At > now - upWindow).Select(r => r.Replicas).Append(proposal).Min();
        var down = recent.Where(r => r.At > now - downWindow).Select(r => r.Replicas).Append(proposal).Max();
        recent.Add((now, proposal));

        var stabilized = current;
        if (stabilized < up)
        {
            stabilized = up;
        }
        if (stabilized > down)
        {
            stabilized = down;
        }
        var (ableReason, ableMessage) = stabilized == proposal
            ? ("ReadyForNewScale", "recommended size matches current size")
            : stabilized < proposal
                ? ("ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation")
                : ("ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation");

        var (desired, limitedReason, limitedMessage) = behavior is null
            ? WithoutBehavior(current, stabilized, min, max)
            : WithBehavior(key, behavior, current, stabilized, min, max, now);
        return limitedReason is null
            ? new ScaleDecision(desired, ableReason, ableMessage, "False", "DesiredWithinRange", "the desired count is within the acceptable range")
            : new ScaleDecision(desired, ableReason, ableMessage, "True", limitedReason, limitedMessage!);
    }

    private static (int, string?, string?) WithoutBehavior(int current, int desired, int min, int max)
    {
        var scaleUpLimit = Math.Max(2 * current, 4);
        var maxAllowed = Math.Min(max, scaleUpLimit);
        if (desired < min)
        {
            return (min, "TooFewReplicas", "the desired replica count is less than the minimum replica count");
        }
        if (desired > maxAllowed)
        {
            return max < scaleUpLimit
                ? (maxAllowed, "TooManyReplicas", "the desired replica count is more than the maximum replica count")
                : (maxAllowed, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate");
        }
        return (desired, null, null);
    }

    private (int, string?, string?) WithBehavior(string key, JsonObject behavior, int current, int desired, int min, int max, DateTimeOffset now)
    {
        var events = _scaleEvents.GetValueOrDefault(key) ?? [];
        if (desired > current)
        {
            var limit = Math.Max(current, Limit(behavior["scaleUp"] as JsonObject, current, events, now, up: true));
            var maxAllowed = Math.Min(max, limit);
            if (desired > maxAllowed)
            {
                return maxAllowed == max
                    ? (maxAllowed, "TooManyReplicas", "the desired replica count is more than the maximum replica count")
                    : (maxAllowed, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate");
            }
        }
        else if (desired < current)
        {
            var limit = Math.Min(current, Limit(behavior["scaleDown"] as JsonObject, current, events, now, up: false));
            var minAllowed = Math.Max(min, limit);
            if (desired < minAllowed)
            {
                return minAllowed == min
                    ? (minAllowed, "TooFewReplicas", "the desired replica count is less than the minimum replica count")
                    : (minAllowed, "ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate");
            }
        }
        return (Math.Clamp(desired, min, Math.Max(min, max)), null, null);
    }

    /// <summary>The furthest the policies let the count move from where it stood at the start of each policy's period.</summary>
    private static int Limit(JsonObject? rules, int current, List<(DateTimeOffset At, int Delta)> events, DateTimeOffset now, bool up)
    {
        var select = rules?.Str("selectPolicy") ?? "Max";
        var policies = (rules?["policies"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (select == "Disabled" || policies.Count == 0)
        {
            return current;
        }
        var limits = new List<int>();
        foreach (var policy in policies)
        {
            var period = TimeSpan.FromSeconds(policy.Int("periodSeconds") ?? 15);
            var moved = events.Where(e => e.At > now - period && (up ? e.Delta > 0 : e.Delta < 0)).Sum(e => Math.Abs(e.Delta));
            var start = up ? current - moved : current + moved;
            var value = (int)(policy.Int("value") ?? 0);
            limits.Add((policy.Str("type"), up) switch
            {
                ("Pods", true) => start + value,
                ("Percent", true) => (int)Math.Ceiling(start * (1 + (value / 100.0))),
                ("Pods", false) => start - value,
                _ => (int)Math.Floor(start * (1 - (value / 100.0))),
            });
        }
        // "Max" picks the policy that allows the most change: the highest limit going up, the lowest going down.
        return (select == "Max") == up ? limits.Max() : limits.Min();
    }
}
