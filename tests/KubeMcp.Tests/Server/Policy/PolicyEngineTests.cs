using KubeMcp.Server.Policy;

namespace KubeMcp.Tests.Server.Policy;

public sealed class PolicyEngineTests
{
    private static ToolCallTarget Target(string tool, string verb, string? ns, string? kind = "Pod", string? name = "web-1") =>
        new(tool, verb, ns, kind, name);

    private static PolicyDecision Decide(PolicyDocument policy, ToolCallTarget target, bool destructive = false, int deletions = 0) =>
        new PolicyEngine(policy).Evaluate([target], destructive, deletions);

    [Fact]
    public void Default_ReadsAreAllowed()
    {
        var decision = Decide(PolicyDocument.Default, Target("pods_list", PolicyVerbs.List, null));

        Assert.Equal(PolicyEffect.Allow, decision.Effect);
        Assert.Equal(PolicyEngine.DefaultReadRule, decision.Rule);
        Assert.False(decision.RevealSecrets);
    }

    [Fact]
    public void Default_DestructiveToolsNeedApproval()
    {
        var decision = Decide(PolicyDocument.Default, Target("pods_delete", PolicyVerbs.Delete, "default"), destructive: true);

        Assert.Equal(PolicyEffect.RequireApproval, decision.Effect);
        Assert.Equal(PolicyEngine.DefaultDestructiveRule, decision.Rule);
    }

    [Fact]
    public void Default_NonDestructiveWritesAreAllowed() =>
        Assert.Equal(PolicyEffect.Allow, Decide(PolicyDocument.Default, Target("pods_run", PolicyVerbs.Create, "default")).Effect);

    [Theory]
    [InlineData("pods_delete", PolicyVerbs.Delete, "kube-system", "Pod", "coredns")]
    [InlineData("pods_exec", PolicyVerbs.Exec, "kube-public", "Pod", "x")]
    [InlineData("resources_create_or_update", PolicyVerbs.Patch, "KUBE-SYSTEM", "ConfigMap", "x")]
    [InlineData("resources_delete", PolicyVerbs.Delete, null, "Namespace", "kube-system")]
    public void ProtectedNamespaces_AreNeverChanged(string tool, string verb, string? ns, string kind, string name)
    {
        // Even a permissive rule cannot open a protected namespace.
        var policy = PolicyDocument.Default;
        policy.Rules.Add(new PolicyRule { Name = "anything-goes", Effect = PolicyEffect.Allow });

        var decision = Decide(policy, Target(tool, verb, ns, kind, name), destructive: true);

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Equal(PolicyEngine.ProtectedNamespacesRule, decision.Rule);
        Assert.Contains("is protected", decision.Reason);
    }

    [Fact]
    public void NamespaceDeletion_IsDeniedUnlessThePolicyAllowsIt()
    {
        var delete = Target("resources_delete", PolicyVerbs.Delete, null, "Namespace", "production");
        var allowing = PolicyDocument.Default;
        allowing.AllowNamespaceDeletion = true;

        var denied = Decide(PolicyDocument.Default, delete, destructive: true);

        Assert.Equal((PolicyEffect.Deny, PolicyEngine.NamespaceDeletionRule), (denied.Effect, denied.Rule));
        Assert.Equal(PolicyEffect.RequireApproval, Decide(allowing, delete, destructive: true).Effect);
        Assert.True(PolicyFile.Parse("allowNamespaceDeletion: true").AllowNamespaceDeletion);
    }

    [Fact]
    public void ProtectedNamespaces_CanStillBeRead() =>
        Assert.Equal(PolicyEffect.Allow, Decide(PolicyDocument.Default, Target("pods_get", PolicyVerbs.Get, "kube-system")).Effect);

    [Fact]
    public void Rules_FirstMatchWinsAndItsReasonIsGiven()
    {
        var policy = new PolicyDocument
        {
            Rules =
            [
                new PolicyRule { Name = "no-prod-deletes", Effect = PolicyEffect.Deny, Verbs = ["delete"], Namespaces = ["prod*"], Reason = "GitOps owns production" },
                new PolicyRule { Name = "deletes-ok", Effect = PolicyEffect.Allow, Verbs = ["delete"] },
            ],
        };

        var prod = Decide(policy, Target("pods_delete", PolicyVerbs.Delete, "production"), destructive: true);
        var dev = Decide(policy, Target("pods_delete", PolicyVerbs.Delete, "dev"), destructive: true);

        Assert.Equal((PolicyEffect.Deny, "no-prod-deletes", "GitOps owns production"), (prod.Effect, prod.Rule, prod.Reason));
        Assert.Equal((PolicyEffect.Allow, "deletes-ok"), (dev.Effect, dev.Rule));
    }

    [Fact]
    public void Rules_KindAndNameSelectorsNeedAKnownValue()
    {
        var policy = new PolicyDocument { Rules = [new PolicyRule { Name = "web", Effect = PolicyEffect.Deny, Kinds = ["Deployment"], Names = ["web-*"] }] };

        Assert.Equal(PolicyEffect.Deny, Decide(policy, Target("resources_scale", PolicyVerbs.Patch, "a", "deployment", "web-api")).Effect);
        Assert.Equal(PolicyEffect.Allow, Decide(policy, Target("resources_scale", PolicyVerbs.Patch, "a", "Deployment", "db")).Effect);
        Assert.Equal(PolicyEffect.Allow, Decide(policy, Target("resources_scale", PolicyVerbs.Patch, "a", null, null)).Effect);
    }

    [Fact]
    public void BlastRadius_DeletionsBeyondTheLimitNeedApproval()
    {
        var policy = PolicyDocument.Permissive;
        policy.MaxDeletionsPerSession = 2;
        var delete = Target("pods_delete", PolicyVerbs.Delete, "default");

        Assert.Equal(PolicyEffect.Allow, Decide(policy, delete, destructive: true, deletions: 1).Effect);
        var third = Decide(policy, delete, destructive: true, deletions: 2);

        Assert.Equal(PolicyEffect.RequireApproval, third.Effect);
        Assert.Equal(PolicyEngine.BlastRadiusRule, third.Rule);
        Assert.Contains("limit is 2", third.Reason);
    }

    [Fact]
    public void BlastRadius_DoesNotApplyToOtherVerbs() =>
        Assert.Equal(PolicyEffect.Allow,
            new PolicyEngine(new PolicyDocument { MaxDeletionsPerSession = 0 }).Evaluate([Target("pods_run", PolicyVerbs.Create, "d")], false, 10).Effect);

    [Fact]
    public void SeveralTargets_TheStrictestDecides()
    {
        var policy = new PolicyDocument { Rules = [new PolicyRule { Name = "no-secrets", Effect = PolicyEffect.Deny, Kinds = ["Secret"] }] };
        var engine = new PolicyEngine(policy);

        var decision = engine.Evaluate(
            [Target("resources_create_or_update", PolicyVerbs.Patch, "a", "ConfigMap", "c"), Target("resources_create_or_update", PolicyVerbs.Patch, "a", "Secret", "s")],
            destructive: true, deletionsWithoutApproval: 0);

        Assert.Equal((PolicyEffect.Deny, "no-secrets"), (decision.Effect, decision.Rule));
    }

    [Fact]
    public void RevealSecrets_OnlyWhenTheDecidingAllowRuleSaysSo()
    {
        var policy = new PolicyDocument
        {
            Rules = [new PolicyRule { Name = "ops-secrets", Effect = PolicyEffect.Allow, Kinds = ["Secret"], Namespaces = ["ops"], RevealSecrets = true }],
        };

        Assert.True(Decide(policy, Target("resources_get", PolicyVerbs.Get, "ops", "Secret", "db")).RevealSecrets);
        Assert.False(Decide(policy, Target("resources_get", PolicyVerbs.Get, "web", "Secret", "db")).RevealSecrets);
    }
}
