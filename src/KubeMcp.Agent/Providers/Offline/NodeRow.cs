namespace KubeMcp.Agent.Providers.Offline;

/// <summary>One node from a node listing (<c>NAME</c> and <c>STATUS</c> columns).</summary>
internal sealed record NodeRow(string Name, string Status)
{
    public static IReadOnlyList<NodeRow> FromTable(TextTable table) =>
        [.. table.Rows
            .Where(r => r.TryGetValue("NAME", out var name) && name.Length > 0 && r.ContainsKey("STATUS"))
            .Select(r => new NodeRow(r["NAME"], r["STATUS"]))];

    /// <summary>NotReady, or Unknown when the kubelet stopped reporting.</summary>
    public bool IsNotReady =>
        Status.Split(',').Any(s => s.Trim() is "NotReady" or "Unknown");

    /// <summary>The listing of nodes among past calls.</summary>
    public static bool IsListing(Observation o) =>
        o.Tool == "resources_list" && o.Arg("kind") == "Node" && !o.IsError;
}
