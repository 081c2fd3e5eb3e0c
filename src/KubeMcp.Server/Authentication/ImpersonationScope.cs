namespace KubeMcp.Server.Authentication;

/// <summary>
/// The caller whose identity cluster requests on this async flow carry, set by <see cref="ImpersonationFilter"/>
/// for the length of one tool call and read by <see cref="ImpersonationHandler"/>.
/// </summary>
internal static class ImpersonationScope
{
    private static readonly AsyncLocal<CallerIdentity?> s_current = new();

    public static CallerIdentity? Current => s_current.Value;

    public static IDisposable Enter(CallerIdentity caller)
    {
        var previous = s_current.Value;
        s_current.Value = caller;
        return new Restore(previous);
    }

    private sealed class Restore(CallerIdentity? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
