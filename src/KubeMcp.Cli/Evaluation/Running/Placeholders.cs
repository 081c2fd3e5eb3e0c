using System.Text.Json.Nodes;
using KubeMcp.Cli.Evaluation.Scripted;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>Fills in a recorded reply's placeholders from the live cluster (see <see cref="ModelScript"/>).</summary>
internal sealed class Placeholders(ClusterClient client, string taskDirectory)
{
    public Task<string> ResolveAsync(string text, CancellationToken ct) =>
        ModelScript.ReplaceAsync(text, (name, argument) => name switch
        {
            "taskDir" => Task.FromResult(taskDirectory),
            "pod" => PodAsync(argument, ct),
            _ => throw new EvalException($"unknown placeholder {{{{{name}}}}} in script.jsonl; use {{{{pod:NAMESPACE:SELECTOR}}}} or {{{{taskDir}}}}"),
        });

    /// <summary>The oldest live pod in a namespace matching a label selector (<c>NAMESPACE:SELECTOR</c>).</summary>
    private async Task<string> PodAsync(string argument, CancellationToken ct)
    {
        var colon = argument.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new EvalException($"{{{{pod:{argument}}}}} needs a namespace and a label selector, e.g. {{{{pod:web:app=web}}}}");
        }
        var ns = argument[..colon];
        var selector = argument[(colon + 1)..];
        var pods = await client.ListAsync("pods", ns, selector.Length == 0 ? null : selector, ct).ConfigureAwait(false);
        var pod = pods
            .Where(p => p["metadata"]?["deletionTimestamp"] is null)
            .OrderBy(p => p["metadata"]?["creationTimestamp"]?.ToString(), StringComparer.Ordinal)
            .ThenBy(p => p["metadata"]?["name"]?.ToString(), StringComparer.Ordinal)
            .FirstOrDefault();
        return pod?["metadata"]?["name"]?.ToString() ?? $"no-pod-matches-{selector}";
    }
}
