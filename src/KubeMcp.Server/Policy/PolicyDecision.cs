namespace KubeMcp.Server.Policy;

/// <summary>The policy's answer for one call: what to do, which rule said so and why.</summary>
internal sealed record PolicyDecision(PolicyEffect Effect, string Rule, string Reason, bool RevealSecrets = false)
{
    public static PolicyDecision Allowed(string rule, string reason, bool revealSecrets = false) => new(PolicyEffect.Allow, rule, reason, revealSecrets);
}
