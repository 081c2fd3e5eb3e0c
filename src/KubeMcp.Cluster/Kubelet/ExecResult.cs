namespace KubeMcp.Cluster.Kubelet;

/// <summary>What <c>kubectl exec</c> of a command in a simulated container returns.</summary>
/// <param name="Stdout">What the command printed on standard output.</param>
/// <param name="Stderr">What it printed on standard error.</param>
/// <param name="ExitCode">Its exit status.</param>
/// <param name="NotModelled">
/// Some command in the run is one the simulation does not model (it printed <see cref="ExecInterpreter.NotSupported"/>),
/// so the result says nothing about the real command's answer.
/// </param>
internal sealed record ExecResult(string Stdout, string Stderr, int ExitCode, bool NotModelled = false);
