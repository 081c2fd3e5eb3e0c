namespace KubeMcp.Cluster.Nodes;

/// <summary>One line of a node service's log: when, which unit wrote it, and the text it wrote.</summary>
internal sealed record JournalEntry(DateTimeOffset Time, string Unit, string Text);
