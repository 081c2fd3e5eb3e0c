using k8s;

namespace KubeMcp.Benchmarks.Server;

/// <summary>
/// One tool call whose output size is compared: the same arguments for every server. A call that changes the
/// cluster gets a <see cref="Before"/> and an <see cref="After"/> so each server meets the same state.
/// </summary>
internal sealed record ToolCase(string Tool, Dictionary<string, object?> Args, Func<IKubernetes, Task>? Before = null, Func<IKubernetes, Task>? After = null)
{
    /// <summary>What the report shows for the call: the tool and its arguments.</summary>
    public string Label => Args.Count == 0 ? Tool : $"{Tool} {string.Join(" ", Args.Select(a => $"{a.Key}={Show(a.Value)}"))}";

    private static string Show(object? value) => value switch
    {
        string s when s.Contains('\n') => "(manifest)",
        string[] a => string.Join(",", a),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
