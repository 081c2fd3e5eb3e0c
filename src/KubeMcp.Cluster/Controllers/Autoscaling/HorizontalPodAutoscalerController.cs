using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Http;
using KubeMcp.Cluster.Selectors;

namespace KubeMcp.Cluster.Controllers.Autoscaling;

/// <summary>
/// Scales the target of each HorizontalPodAutoscaler every 15 seconds of simulation time, as the HPA controller
/// does: reads the target's scale, evaluates every metric over the selected pods (see <see cref="ReplicaCalculator"/>),
/// stabilizes and bounds the result (<see cref="ScaleNormalizer"/>), writes the new replica count, and reports
/// currentMetrics, desiredReplicas and the AbleToScale/ScalingActive/ScalingLimited conditions. autoscaling/v1
/// objects (targetCPUUtilizationPercentage) are served the same way.
/// </summary>
internal sealed class HorizontalPodAutoscalerController(IPodMetricsSource metrics) : Controller
{
    private const string Component = "horizontal-pod-autoscaler";
    private static readonly TimeSpan SyncPeriod = TimeSpan.FromSeconds(15);

    private readonly ScaleNormalizer _normalizer = new();
    private readonly Dictionary<string, (DateTimeOffset Due, long Generation)> _schedule = new(StringComparer.Ordinal);

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches => [ControllerWatch.Self("horizontalpodautoscalers.autoscaling")];

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var hpaType = context.Type("autoscaling", "horizontalpodautoscalers");
        var hpa = context.Registry.TryGet(hpaType, ns, name);
        if (hpa is null)
        {
            _schedule.Remove(key);
            _normalizer.Forget(key);
            return;
        }
        // Resyncs come from the clock; a watch event only matters when the spec changed (not our own status writes).
        var generation = hpa.Int("metadata.generation") ?? 1;
        if (_schedule.TryGetValue(key, out var scheduled) && scheduled.Generation == generation && context.Now < scheduled.Due)
        {
            return;
        }
        _schedule[key] = (context.Now + SyncPeriod, generation);
        context.Requeue(key, SyncPeriod);
        context.UpdateStatus(hpaType, hpa, Sync(key, context, hpa));
    }

    private JsonObject Sync(string key, ControllerContext context, JsonObject hpa)
    {
        var now = context.Now.Timestamp();
        var previous = hpa.At("status.conditions");
        var status = new JsonObject { ["conditions"] = previous?.DeepClone() ?? new JsonArray() };
        void Condition(string type, string value, string reason, string message) =>
            Conditions.Set(status, Conditions.Make(previous, type, value, reason, message, now));

        var reference = hpa.At("spec.scaleTargetRef") as JsonObject ?? new JsonObject();
        var targetType = context.Registry.Catalog.FindByApiVersionKind(reference.Str("apiVersion") ?? "", reference.Str("kind") ?? "");
        var target = targetType is null || !targetType.Subresources.Contains("scale")
            ? null
            : context.Registry.TryGet(targetType, hpa.Namespace(), reference.Str("name") ?? "");
        if (targetType is null || target is null)
        {
            var resource = targetType is null ? Lower(reference.Str("kind")) + "s" : targetType.Plural + (targetType.Group.Length == 0 ? "" : "." + targetType.Group);
            var error = $"{resource} \"{reference.Str("name")}\" not found";
            context.Events.Warning(hpa, "FailedGetScale", error, Component);
            Condition("AbleToScale", "False", "FailedGetScale", $"the HPA controller was unable to get the target's current scale: {error}");
            return Finish(hpa, status, hpa.Int("status.currentReplicas") ?? 0, hpa.Int("status.desiredReplicas") ?? 0, null);
        }
        Condition("AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale");
        var current = (int)(target.Int("spec.replicas") ?? 1);
        var min = (int)(hpa.Int("spec.minReplicas") ?? 1);
        var max = (int)(hpa.Int("spec.maxReplicas") ?? 1);
        int desired;
        string reason;
        JsonArray? currentMetrics = null;
        if (current == 0 && min != 0)
        {
            Condition("ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero");
            return Finish(hpa, status, current, 0, null);
        }
        if (current > max || current < min)
        {
            desired = current > max ? max : min;
            reason = current > max ? "Current number of replicas above Spec.MaxReplicas" : "Current number of replicas below Spec.MinReplicas";
        }
        else
        {
            var pods = SelectedPods(context, target);
            var proposals = MetricSpecs(hpa).Select(m => ReplicaCalculator.Evaluate(m, current, pods, metrics)).ToList();
            currentMetrics = new JsonArray(proposals.Select(p => (JsonNode)p.Status).ToArray());
            var valid = proposals.Where(p => p.Replicas is not null).ToList();
            var invalid = proposals.Where(p => p.Replicas is null).ToList();
            if (invalid.Count > 0)
            {
                var first = invalid[0];
                context.Events.Warning(hpa, first.FailureReason!, first.Error!, Component);
                context.Events.Warning(hpa, "FailedComputeMetricsReplicas",
                    $"invalid metrics ({invalid.Count} invalid out of {proposals.Count}), first error is: {Wrapped(first)}", Component);
            }
            var best = valid.OrderByDescending(p => p.Replicas).FirstOrDefault();
            if (best is null || (invalid.Count > 0 && best.Replicas < current))
            {
                var first = invalid[0];
                Condition("ScalingActive", "False", first.FailureReason!, $"the HPA was unable to compute the replica count: {Wrapped(first)}");
                return Finish(hpa, status, current, current, currentMetrics);
            }
            Condition("ScalingActive", "True", "ValidMetricFound", $"the HPA was able to successfully calculate a replica count from {best.MetricName}");
            var decision = _normalizer.Normalize(key, hpa, current, best.Replicas!.Value, min, max, context.Now);
            desired = decision.Replicas;
            reason = desired > current ? $"{best.MetricName} above target" : "All metrics below target";
            Condition("AbleToScale", "True", decision.AbleReason, decision.AbleMessage);
            Condition("ScalingLimited", decision.LimitedStatus, decision.LimitedReason, decision.LimitedMessage);
        }
        if (desired != current)
        {
            try
            {
                var next = target.DeepClone().AsObject();
                next.Ensure("spec")["replicas"] = desired;
                context.Registry.Update(targetType, target.Namespace(), target.Name(), next, ControllerContext.ControllerWrite);
            }
            catch (ApiException e)
            {
                context.Events.Warning(hpa, "FailedRescale", $"New size: {desired}; reason: {reason}; error: {e.Message}", Component);
                Condition("AbleToScale", "False", "FailedUpdateScale", $"the HPA controller was unable to update the target scale: {e.Message}");
                return Finish(hpa, status, current, desired, currentMetrics);
            }
            _normalizer.RecordScale(key, current, desired, context.Now);
            context.Events.Normal(hpa, "SuccessfulRescale", $"New size: {desired}; reason: {reason}", Component);
            Condition("AbleToScale", "True", "SucceededRescale", $"the HPA controller was able to update the target scale to {desired}");
            status["lastScaleTime"] = now;
        }
        return Finish(hpa, status, current, desired, currentMetrics);
    }

    /// <summary>The status in the shape of the version the object is stored in.</summary>
    private static JsonObject Finish(JsonObject hpa, JsonObject status, long current, long desired, JsonArray? currentMetrics)
    {
        var lastScale = status.Str("lastScaleTime") ?? hpa.Str("status.lastScaleTime");
        var result = new JsonObject { ["observedGeneration"] = hpa.Int("metadata.generation") ?? 1 };
        if (lastScale is not null)
        {
            result["lastScaleTime"] = lastScale;
        }
        result["currentReplicas"] = current;
        result["desiredReplicas"] = desired;
        if (hpa.Str("apiVersion") == "autoscaling/v1")
        {
            if (currentMetrics?.OfType<JsonObject>().FirstOrDefault(m => m.Str("resource.name") == "cpu")?.Int("resource.current.averageUtilization") is { } cpu)
            {
                result["currentCPUUtilizationPercentage"] = cpu;
            }
            return result;
        }
        if (currentMetrics is { Count: > 0 })
        {
            result["currentMetrics"] = currentMetrics;
        }
        result["conditions"] = status["conditions"]?.DeepClone();
        return result;
    }

    private static IEnumerable<JsonObject> MetricSpecs(JsonObject hpa)
    {
        if (hpa.At("spec.metrics") is JsonArray { Count: > 0 } list)
        {
            return list.OfType<JsonObject>();
        }
        var target = hpa.Int("spec.targetCPUUtilizationPercentage") ?? 80;
        return [new JsonObject
        {
            ["type"] = "Resource",
            ["resource"] = new JsonObject
            {
                ["name"] = "cpu",
                ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = target },
            },
        }];
    }

    private static List<JsonObject> SelectedPods(ControllerContext context, JsonObject target)
    {
        var selectorText = ScaleSubresource.ToScale(target).Str("status.selector");
        var selector = LabelSelector.Parse(selectorText);
        return context.List(context.Type("", "pods"), target.Namespace())
            .Where(p => selector.Matches(p.Labels()) && p["metadata"]?["deletionTimestamp"] is null && p.Str("status.phase") is not ("Succeeded" or "Failed"))
            .ToList();
    }

    private static string Wrapped(MetricProposal failed) =>
        failed.FailureReason == "FailedGetResourceMetric" ? $"failed to get {failed.MetricName} resource metric value: {failed.Error}" : failed.Error!;

    private static string Lower(string? kind) => string.IsNullOrEmpty(kind) ? "" : kind.ToLowerInvariant();
}
