using System.Text.RegularExpressions;

namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>Parses the items of <c>verify.state</c>: each is one of <c>exists</c>, <c>absent</c>, <c>field</c>, <c>pods</c>.</summary>
internal static class StateAssertions
{
    private static readonly string[] Kinds = ["exists", "absent", "field", "pods"];

    public static StateAssertion Parse(YamlMap item, int index)
    {
        var keys = item.Keys.ToList();
        if (keys.Count != 1 || !Kinds.Contains(keys[0], StringComparer.Ordinal))
        {
            throw item.Error($"verify.state[{index}] must have exactly one of {string.Join(", ", Kinds)}; it has {(keys.Count == 0 ? "none" : string.Join(", ", keys))}");
        }
        var body = item.Map(keys[0]) ?? throw item.Error($"verify.state[{index}].{keys[0]} needs its fields (kind, name, …)");
        return keys[0] switch
        {
            "exists" => new ExistsAssertion(Reference(body, [])),
            "absent" => new AbsentAssertion(Reference(body, [])),
            "field" => Field(body),
            _ => Pods(body),
        };
    }

    private static ObjectReference Reference(YamlMap body, string[] extra)
    {
        body.RejectUnknown(["kind", "apiVersion", "namespace", "name", .. extra]);
        return new ObjectReference(body.RequiredString("kind"), body.String("apiVersion"), body.String("namespace"), body.RequiredString("name"));
    }

    private static FieldAssertion Field(YamlMap body)
    {
        string[] comparisons = ["equals", "notEquals", "contains", "matches"];
        var reference = Reference(body, ["path", .. comparisons]);
        var path = body.RequiredString("path");
        if (!KubeMcp.Cluster.Printing.JsonPath.TryParse(path, out _, out var error))
        {
            throw body.Error($"field path '{path}' is not a JSONPath expression: {error}");
        }
        var given = comparisons.Where(body.Has).ToList();
        if (given.Count != 1)
        {
            throw body.Error($"a field assertion needs exactly one of {string.Join(", ", comparisons)}");
        }
        var value = body.String(given[0]) ?? "";
        var comparison = given[0] switch
        {
            "equals" => FieldComparison.Equals,
            "notEquals" => FieldComparison.NotEquals,
            "contains" => FieldComparison.Contains,
            _ => FieldComparison.Matches,
        };
        if (comparison == FieldComparison.Matches)
        {
            try
            {
                _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw body.Error($"'matches' is not a regular expression: {e.Message}");
            }
        }
        return new FieldAssertion(reference, path, comparison, value);
    }

    private static PodsAssertion Pods(YamlMap body)
    {
        body.RejectUnknown("namespace", "selector", "phase", "ready", "count", "min");
        var count = body.Long("count");
        var min = body.Long("min");
        if ((count is null) == (min is null))
        {
            throw body.Error("a pods assertion needs exactly one of count (exactly N) or min (at least N)");
        }
        var phase = body.String("phase") ?? "Running";
        if (phase is not ("Running" or "Pending" or "Succeeded" or "Failed" or "Unknown"))
        {
            throw body.Error($"phase '{phase}' must be Running, Pending, Succeeded, Failed or Unknown");
        }
        return new PodsAssertion(body.RequiredString("namespace"), body.String("selector"), phase,
            body.Bool("ready") ?? (phase == "Running" ? true : null), (int?)count, (int?)min);
    }
}
