using System.Globalization;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>One pod from a <c>pods_list</c> table, and what its columns say about its health.</summary>
internal sealed record PodRow(string? Namespace, string Name, string Ready, string Status, int Restarts, string? Node = null)
{
    private static readonly string[] Starting = ["ContainerCreating", "PodInitializing", "Terminating"];
    private static readonly string[] Finished = ["Completed", "Succeeded"];

    /// <summary>Reads the pods of a table (NAME and STATUS columns required; the rest optional).</summary>
    public static IReadOnlyList<PodRow> FromTable(TextTable table, string? defaultNamespace) =>
        [.. table.Rows
            .Where(r => r.TryGetValue("NAME", out var name) && name.Length > 0 && r.ContainsKey("STATUS"))
            .Where(r => !r.TryGetValue("KIND", out var kind) || kind.Length == 0 || kind == "Pod")
            .Select(r => new PodRow(
                r.TryGetValue("NAMESPACE", out var ns) && ns.Length > 0 ? ns : defaultNamespace,
                r["NAME"],
                r.GetValueOrDefault("READY") ?? "",
                r["STATUS"],
                ParseRestarts(r.GetValueOrDefault("RESTARTS")),
                r.TryGetValue("NODE", out var node) && node.Length > 0 && node != "<none>" ? node : null))];

    /// <summary>Containers ready and total, from <c>READY</c> (<c>n/m</c>); null when absent.</summary>
    public (int Ready, int Total)? ReadyCounts
    {
        get
        {
            var parts = Ready.Split('/');
            return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var r)
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var t) ? (r, t) : null;
        }
    }

    /// <summary>True for pods that finished or are on their way up or down (not a failure yet).</summary>
    public bool IsTransitional => Starting.Contains(Status, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Unhealthy: a STATUS other than Running/Completed (CrashLoopBackOff pods have phase Running but show the
    /// container's reason here), a Running pod with containers not ready, or one that keeps restarting.
    /// </summary>
    public bool IsUnhealthy
    {
        get
        {
            if (Finished.Contains(Status, StringComparer.OrdinalIgnoreCase) || IsTransitional)
            {
                return false;
            }

            if (!Status.Equals("Running", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return ReadyCounts is { } c && c.Ready < c.Total || Restarts >= 3;
        }
    }

    /// <summary>
    /// A pod still being set up (ContainerCreating, PodInitializing): normal for a while, a problem when warning
    /// events say it cannot get further (a volume that cannot be mounted, a sandbox that cannot be created).
    /// </summary>
    public bool IsStarting => Status is "ContainerCreating" or "PodInitializing";

    /// <summary><c>namespace/name</c>, or the name alone.</summary>
    public string Display => Namespace is null ? Name : $"{Namespace}/{Name}";

    private static int ParseRestarts(string? text)
    {
        // "5", or "5 (2m ago)" as newer kubectl prints it.
        var digits = new string((text ?? "").TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
