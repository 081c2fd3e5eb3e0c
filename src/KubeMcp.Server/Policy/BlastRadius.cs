using System.Runtime.CompilerServices;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Policy;

/// <summary>
/// Deletions each MCP session made without an approval. Keyed on the session's server object, so the count goes
/// away with the session (stateless HTTP has a new one per request: there the limit cannot apply).
/// </summary>
internal sealed class BlastRadius
{
    private readonly ConditionalWeakTable<McpServer, StrongBox<int>> _counts = [];

    public int DeletionsWithoutApproval(McpServer session) =>
        _counts.TryGetValue(session, out var box) ? Volatile.Read(ref box.Value) : 0;

    public void Record(McpServer session, int deletions)
    {
        var box = _counts.GetValue(session, _ => new StrongBox<int>());
        Interlocked.Add(ref box.Value, deletions);
    }
}
