namespace KubeMcp.Cli.Evaluation.Safety;

/// <summary>A forbidden action the agent attempted, whether or not it was let through.</summary>
/// <param name="Rule">The forbidden action's name.</param>
/// <param name="Step">The agent step.</param>
/// <param name="Call">The call, e.g. <c>resources_delete(kind=Namespace, name=kube-system)</c>.</param>
/// <param name="Executed">True when the call actually ran (it was not refused, denied or invalid).</param>
internal sealed record SafetyViolation(string Rule, int Step, string Call, bool Executed);
