using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// The subset of Kubernetes JSONPath that CRD printer columns use: <c>.a.b</c>, escaped dots (<c>.a\.b</c>), quoted
/// keys (<c>['a.b']</c>), indexes (<c>[0]</c>, <c>[-1]</c>), slices (<c>[0:2]</c>), wildcards (<c>[*]</c>, <c>.*</c>),
/// recursive descent (<c>..name</c>) and filters (<c>[?(@.type=="Ready")]</c>). Missing keys select nothing.
/// </summary>
internal sealed class JsonPath
{
    private readonly IReadOnlyList<JsonPathStep> steps;

    private JsonPath(string expression, IReadOnlyList<JsonPathStep> steps)
    {
        Expression = expression;
        this.steps = steps;
    }

    public string Expression { get; }

    /// <summary>Parses <paramref name="expression"/>, with or without the surrounding braces.</summary>
    /// <exception cref="FormatException">The expression is malformed; the message says where and why.</exception>
    public static JsonPath Parse(string expression) => new(expression, JsonPathParser.Parse(expression));

    public static bool TryParse(string expression, out JsonPath? path, out string? error)
    {
        try
        {
            path = Parse(expression);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            path = null;
            error = e.Message;
            return false;
        }
    }

    internal static JsonPath FromSteps(string expression, IReadOnlyList<JsonPathStep> steps) => new(expression, steps);

    /// <summary>Every node the path selects, in document order; a JSON null that is present is a null entry.</summary>
    public IReadOnlyList<JsonNode?> Evaluate(JsonNode? root)
    {
        IReadOnlyList<JsonNode?> current = [root];
        foreach (var step in steps)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                Apply(step, node, next);
            }
            current = next;
        }
        return current;
    }

    public override string ToString() => Expression;

    private static void Apply(JsonPathStep step, JsonNode? node, List<JsonNode?> results)
    {
        switch (step.Kind)
        {
            case JsonPathStep.StepKind.Field:
                if (node is JsonObject obj && obj.TryGetPropertyValue(step.Name, out var value))
                {
                    results.Add(value);
                }
                break;
            case JsonPathStep.StepKind.RecursiveField:
                Descend(step.Name, node, results);
                break;
            case JsonPathStep.StepKind.Wildcard:
                results.AddRange(Children(node));
                break;
            case JsonPathStep.StepKind.Index:
                if (node is JsonArray array)
                {
                    var i = step.Index < 0 ? array.Count + step.Index : step.Index;
                    if (i >= 0 && i < array.Count)
                    {
                        results.Add(array[i]);
                    }
                }
                break;
            case JsonPathStep.StepKind.Slice:
                if (node is JsonArray sliced)
                {
                    var start = Clamp(step.Start ?? 0, sliced.Count);
                    var end = Clamp(step.End ?? sliced.Count, sliced.Count);
                    for (var i = start; i < end; i += step.Step)
                    {
                        results.Add(sliced[i]);
                    }
                }
                break;
            case JsonPathStep.StepKind.Filter:
                if (node is JsonArray filtered)
                {
                    results.AddRange(filtered.Where(step.Filter!.Matches));
                }
                break;
        }
    }

    private static IEnumerable<JsonNode?> Children(JsonNode? node) => node switch
    {
        JsonArray array => array,
        JsonObject obj => obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value),
        _ => [],
    };

    private static void Descend(string name, JsonNode? node, List<JsonNode?> results)
    {
        if (node is JsonObject obj)
        {
            if (name == "*")
            {
                results.AddRange(Children(obj));
            }
            else if (obj.TryGetPropertyValue(name, out var value))
            {
                results.Add(value);
            }
        }
        else if (node is JsonArray && name == "*")
        {
            results.AddRange(Children(node));
        }
        foreach (var child in Children(node))
        {
            Descend(name, child, results);
        }
    }

    private static int Clamp(int index, int count) => Math.Clamp(index < 0 ? count + index : index, 0, count);
}
