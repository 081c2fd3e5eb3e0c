using System.Collections.Concurrent;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Policy;

/// <summary>
/// Deletions each MCP session made without an approval, keyed by session id (stdio is one session; stateless HTTP
/// has no sessions, so there the limit cannot apply). Sessions idle longer than the transport keeps them are
/// forgotten.
/// </summary>
internal sealed class BlastRadius(TimeProvider clock)
{
    private const int SweepThreshold = 1024;
    private static readonly TimeSpan Idle = TimeSpan.FromHours(2);
    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    public int DeletionsWithoutApproval(McpServer session) =>
        Key(session) is { } key && _sessions.TryGetValue(key, out var entry) ? entry.Deletions : 0;

    public void Record(McpServer session, int deletions)
    {
        if (Key(session) is not { } key)
        {
            return;
        }
        var now = clock.GetUtcNow();
        _sessions.AddOrUpdate(key, _ => new Entry(deletions, now), (_, e) => new Entry(e.Deletions + deletions, now));
        if (_sessions.Count > SweepThreshold)
        {
            foreach (var (k, e) in _sessions)
            {
                if (now - e.LastSeen > Idle)
                {
                    _sessions.TryRemove(k, out _);
                }
            }
        }
    }

    private static string? Key(McpServer session) =>
        session.SessionId is { Length: > 0 } id ? id : session.ClientInfo is null ? null : "stdio";

    private sealed record Entry(int Deletions, DateTimeOffset LastSeen);
}
