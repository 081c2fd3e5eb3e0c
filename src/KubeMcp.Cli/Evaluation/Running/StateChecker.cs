using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Tasks;
using KubeMcp.Cluster.Printing;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>Evaluates state assertions against the cluster, as an administrator reading through the API.</summary>
internal sealed class StateChecker(ClusterClient client)
{
    public async Task<CheckResult> CheckAsync(StateAssertion assertion, CancellationToken ct)
    {
        try
        {
            var (passed, detail) = assertion switch
            {
                ExistsAssertion e => await ExistsAsync(e.Object, ct).ConfigureAwait(false),
                AbsentAssertion a => Negate(await ExistsAsync(a.Object, ct).ConfigureAwait(false)),
                FieldAssertion f => await FieldAsync(f, ct).ConfigureAwait(false),
                PodsAssertion p => await PodsAsync(p, ct).ConfigureAwait(false),
                _ => throw new EvalException($"unknown assertion {assertion.GetType().Name}"),
            };
            return new CheckResult(assertion.Describe(), passed, detail);
        }
        catch (EvalException e)
        {
            return new CheckResult(assertion.Describe(), false, e.Message);
        }
    }

    private async Task<(bool, string)> ExistsAsync(ObjectReference reference, CancellationToken ct)
    {
        var obj = await client.GetAsync(reference, ct).ConfigureAwait(false);
        return obj switch
        {
            null => (false, $"{reference} does not exist"),
            _ when obj["metadata"]?["deletionTimestamp"] is not null => (false, $"{reference} is being deleted"),
            _ => (true, $"{reference} exists"),
        };
    }

    private static (bool, string) Negate((bool Passed, string Detail) result) => (!result.Passed, result.Detail);

    private async Task<(bool, string)> FieldAsync(FieldAssertion assertion, CancellationToken ct)
    {
        var obj = await client.GetAsync(assertion.Object, ct).ConfigureAwait(false);
        if (obj is null)
        {
            return (false, $"{assertion.Object} does not exist");
        }
        var actual = string.Join(" ", JsonPath.Parse(assertion.Path).Evaluate(obj).Select(Text));
        var passed = assertion.Comparison switch
        {
            FieldComparison.Equals => actual == assertion.Value,
            FieldComparison.NotEquals => actual != assertion.Value,
            FieldComparison.Contains => actual.Contains(assertion.Value, StringComparison.Ordinal),
            _ => Regex.IsMatch(actual, assertion.Value, RegexOptions.None, TimeSpan.FromSeconds(1)),
        };
        return (passed, $"{assertion.Path} is \"{Truncate(actual)}\"");
    }

    private async Task<(bool, string)> PodsAsync(PodsAssertion assertion, CancellationToken ct)
    {
        var pods = await client.ListAsync("pods", assertion.Namespace, assertion.Selector, ct).ConfigureAwait(false);
        var live = pods.Where(p => p["metadata"]?["deletionTimestamp"] is null).ToList();
        var matching = live.Where(p => p["status"]?["phase"]?.ToString() == assertion.Phase && (assertion.Ready is not { } ready || IsReady(p) == ready)).ToList();
        var passed = assertion.Count is { } n ? matching.Count == n : matching.Count >= assertion.Min;
        var states = string.Join(", ", live.Select(p => $"{p["metadata"]?["name"]} {Status(p)}"));
        return (passed, $"{matching.Count} match; pods: {(states.Length == 0 ? "none" : Truncate(states))}");
    }

    private static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => c["type"]?.ToString() == "Ready" && c["status"]?.ToString() == "True");

    /// <summary>The pod's phase, or the reason a container is waiting (CrashLoopBackOff, ImagePullBackOff, …).</summary>
    private static string Status(JsonObject pod)
    {
        var waiting = (pod["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => c["state"]?["waiting"]?["reason"]?.ToString()).FirstOrDefault(r => r is not null);
        return waiting ?? $"{pod["status"]?["phase"]}{(IsReady(pod) ? "" : " (not ready)")}";
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static string Truncate(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
