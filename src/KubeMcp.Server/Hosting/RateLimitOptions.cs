namespace KubeMcp.Server.Hosting;

/// <summary>
/// Token-bucket limits on HTTP requests to the MCP endpoint: per session (the <c>Mcp-Session-Id</c>, or the caller
/// before a session exists) and for the whole server. Over the limit the answer is 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests one session may make per minute (bursts up to this many); 0 for no limit. Default: 600.</summary>
    public int PerSessionPerMinute { get; set; } = 600;

    /// <summary>Requests all callers together may make per minute; 0 for no limit. Default: 6000.</summary>
    public int GlobalPerMinute { get; set; } = 6000;

    /// <summary>No limits at all.</summary>
    public static RateLimitOptions Unlimited => new() { PerSessionPerMinute = 0, GlobalPerMinute = 0 };
}
