namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// An environment check a program (usually its entrypoint script) makes before starting: at least one of
/// <see cref="AnyOf"/> must be set to a non-empty value, unless one of the <see cref="Unless"/> variables has the
/// given value. When the check fails the program prints <see cref="Logs"/> and exits with <see cref="ExitCode"/>.
/// </summary>
internal sealed record EnvRequirement(
    IReadOnlyList<string> AnyOf,
    IReadOnlyDictionary<string, string> Unless,
    int ExitCode,
    IReadOnlyList<LogGroup> Logs)
{
    public bool IsSatisfied(Func<string, string?> env)
    {
        if (AnyOf.Any(name => !string.IsNullOrEmpty(env(name))))
        {
            return true;
        }
        return Unless.Any(pair => string.Equals(env(pair.Key), pair.Value, StringComparison.Ordinal));
    }
}
