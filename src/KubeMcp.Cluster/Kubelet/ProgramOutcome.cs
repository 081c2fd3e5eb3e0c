namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// How a simulated container ends: <see cref="ExitCode"/>, <see cref="Reason"/> and <see cref="Message"/> are what
/// the kubelet puts on <c>state.terminated</c>; <see cref="At"/> is when, relative to the container's start.
/// </summary>
internal sealed record ProgramOutcome(ProgramOutcomeKind Kind, int ExitCode, TimeSpan At, string Reason, string? Message = null)
{
    public static ProgramOutcome Running { get; } = new(ProgramOutcomeKind.Running, 0, TimeSpan.MaxValue, "");

    public static ProgramOutcome Exited(int code, TimeSpan at) =>
        new(ProgramOutcomeKind.Exited, code, at, code == 0 ? "Completed" : "Error");

    public static ProgramOutcome OomKilled(TimeSpan at) => new(ProgramOutcomeKind.OomKilled, 137, at, "OOMKilled");

    public static ProgramOutcome StartError(string message) => new(ProgramOutcomeKind.StartError, 128, TimeSpan.Zero, "StartError", message);

    public bool Terminates => Kind != ProgramOutcomeKind.Running;
}
