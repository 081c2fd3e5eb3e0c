namespace KubeMcp.Server.Policy;

/// <summary>
/// Whether the tool call running on this async flow may show Secret values. Set by <see cref="PolicyFilter"/> from
/// the deciding rule (<c>revealSecrets: true</c>) and read by the output formatting; off everywhere else.
/// </summary>
internal static class SecretDisclosure
{
    private static readonly AsyncLocal<bool> s_allowed = new();

    public static bool IsAllowed => s_allowed.Value;

    public static IDisposable Allow(bool allowed)
    {
        var previous = s_allowed.Value;
        s_allowed.Value = allowed;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => s_allowed.Value = previous;
    }
}
