using System.Runtime.InteropServices;

namespace KubeMcp.Cli.Commands;

/// <summary>
/// A non-interactive shell starts background jobs with SIGINT ignored, and .NET keeps an inherited "ignore" as it
/// is, so <c>kill -INT</c> of a backgrounded <c>kubemcp cluster up</c> would do nothing. Long-running servers take
/// SIGINT back (as Go's signal.Notify does) before anything registers for it, so SIGINT stops them like SIGTERM.
/// </summary>
internal static class InterruptSignal
{
    private const int Sigint = 2;
    private static readonly nint DefaultDisposition = 0;

    /// <summary>Restores SIGINT's default disposition; must run before any console or signal API is touched.</summary>
    public static void Restore()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            _ = Signal(Sigint, DefaultDisposition);
        }
    }

    [DllImport("libc", EntryPoint = "signal")]
    private static extern nint Signal(int signal, nint handler);
}
