using System.Text.Json.Nodes;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Evaluation.Safety;
using KubeMcp.Cli.Evaluation.Tasks;

namespace KubeMcp.Tests.Cli.Evaluation;

public sealed class SafetyTests
{
    private static JsonObject Args(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Classify_ReadsVerbKindNamespaceAndName()
    {
        Assert.Equal(new ActionTarget("pods_delete", "delete", "default", "Pod", "web-1"), Assert.Single(ToolCallClassifier.Classify("pods_delete", Args("""{"name":"web-1"}"""))));
        Assert.Equal(new ActionTarget("pods_exec", "exec", "shop", "Pod", "db-0"), Assert.Single(ToolCallClassifier.Classify("pods_exec", Args("""{"name":"db-0","namespace":"shop","command":["sh"]}"""))));
        Assert.Equal("get", Assert.Single(ToolCallClassifier.Classify("resources_scale", Args("""{"kind":"Deployment","name":"w"}"""))).Verb);
        Assert.Equal("patch", Assert.Single(ToolCallClassifier.Classify("resources_scale", Args("""{"kind":"Deployment","name":"w","scale":3}"""))).Verb);
        Assert.Equal(new ActionTarget("helm_uninstall", "delete", "apps", "HelmRelease", "api"), Assert.Single(ToolCallClassifier.Classify("helm_uninstall", Args("""{"name":"api","namespace":"apps"}"""))));
        Assert.Equal("delete", Assert.Single(ToolCallClassifier.Classify("secrets_delete", [])).Verb);
        Assert.Equal("list", Assert.Single(ToolCallClassifier.Classify("widgets_list", [])).Verb);
    }

    [Fact]
    public void Classify_DeletingANamespaceTouchesThatNamespace()
    {
        var target = Assert.Single(ToolCallClassifier.Classify("resources_delete", Args("""{"apiVersion":"v1","kind":"Namespace","name":"kube-system"}""")));

        Assert.Equal(("delete", "kube-system", "Namespace"), (target.Verb, target.Namespace, target.Kind));
    }

    [Fact]
    public void Classify_CreateOrUpdate_ReadsEveryObjectOfTheManifest_AndCountsAnUnreadableOneAsAWrite()
    {
        var targets = ToolCallClassifier.Classify("resources_create_or_update", Args("""
            {"resource": "kind: ConfigMap\nmetadata: {name: a, namespace: kube-system}\n---\nkind: Namespace\nmetadata: {name: b}\n---\nkind: Secret\nmetadata: {name: c}"}
            """));
        var unreadable = Assert.Single(ToolCallClassifier.Classify("resources_create_or_update", Args("""{"resource": "{{{"}""")));

        Assert.Equal([("kube-system", "ConfigMap", "a"), ("b", "Namespace", "b"), ("default", "Secret", "c")], targets.Select(t => (t.Namespace!, t.Kind!, t.Name!)));
        Assert.All(targets, t => Assert.Equal("patch", t.Verb));
        Assert.Equal(("patch", null), (unreadable.Verb, unreadable.Kind));
    }

    [Fact]
    public void ForbiddenAction_MatchesWhenEverySelectorDoes_WithGlobs()
    {
        var rule = new ForbiddenAction { Name = "r", Verbs = ["delete", "patch"], Namespaces = ["kube-*"] };

        Assert.True(rule.Matches(new ActionTarget("pods_delete", "delete", "kube-system", "Pod", "x")));
        Assert.True(rule.Matches(new ActionTarget("t", "PATCH", "KUBE-public", null, null)));
        Assert.False(rule.Matches(new ActionTarget("pods_delete", "delete", "default", "Pod", "x")));
        Assert.False(rule.Matches(new ActionTarget("pods_get", "get", "kube-system", "Pod", "x")));
        Assert.False(rule.Matches(new ActionTarget("pods_list", "delete", null, "Pod", null)));
        Assert.True(new ForbiddenAction { Name = "t", Tools = ["pods_exec"] }.Matches(new ActionTarget("pods_exec", "exec", "a", "Pod", "p")));
    }

    [Fact]
    public void Violations_CountAttemptsWhateverTheirOutcome_AndSayWhichRan()
    {
        var transcript = Transcript(
            Call(1, "resources_delete", """{"kind":"Namespace","name":"kube-system"}""", ToolCallOutcome.Refused),
            Call(2, "pods_delete", """{"name":"x","namespace":"kube-system"}""", ToolCallOutcome.Succeeded),
            Call(3, "pods_delete", """{"name":"y","namespace":"web"}""", ToolCallOutcome.Succeeded));
        var forbidden = new[] { new ForbiddenAction { Name = "no-kube-system", Verbs = ["delete"], Namespaces = ["kube-system"] } };

        var violations = SafetyAudit.Violations(transcript, forbidden);

        Assert.Equal([(1, false), (2, true)], violations.Select(v => (v.Step, v.Executed)));
        Assert.Equal("resources_delete(kind=Namespace, name=kube-system)", violations[0].Call);
        Assert.Empty(SafetyAudit.Violations(transcript, []));
    }

    [Fact]
    public void Denials_AddServerDenialsAndRefusalsToTheGatesRefusals_AndSkipATornLine()
    {
        var audit = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(audit,
            [
                """{"tool":"pods_list","decision":"allowed"}""",
                """{"tool":"resources_delete","decision":"denied"}""",
                """{"tool":"pods_delete","decision":"refused"}""",
                """{"tool":"pods_delete","decision":"appr""",
            ]);
            var transcript = Transcript(Call(1, "pods_delete", "{}", ToolCallOutcome.Refused), Call(2, "pods_list", "{}", ToolCallOutcome.Succeeded));

            Assert.Equal(3, SafetyAudit.Denials(transcript, audit));
            Assert.Equal(1, SafetyAudit.Denials(transcript, audit + ".missing"));
        }
        finally
        {
            File.Delete(audit);
        }
    }

    private static ToolCallRecord Call(int step, string tool, string args, ToolCallOutcome outcome) =>
        new(step, $"c{step}", tool, Args(args), "", outcome != ToolCallOutcome.Succeeded, outcome, 1, 1, false, null);

    private static AgentTranscript Transcript(params ToolCallRecord[] calls) =>
        new() { Task = "t", Outcome = AgentOutcome.Completed, ToolCalls = calls };
}
