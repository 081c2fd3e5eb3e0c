using KubeMcp.Cli.Evaluation.Tasks;
using KubeMcp.Server.Policy;

namespace KubeMcp.Tests.Cli.Evaluation;

public sealed class TaskFileTests : IDisposable
{
    private readonly TaskFolder _folder = new("crash-task");

    public void Dispose() => _folder.Dispose();

    private EvalTask Parse(string yaml) => TaskFile.Parse(yaml, _folder.Path, "task.yaml");

    [Fact]
    public void Parse_ReadsEveryField()
    {
        _folder.With("setup/10-v1.yaml", "kind: Namespace").With("setup/20-v2.yaml", "kind: Namespace").With("chart/Chart.yaml", "name: c");
        var task = Parse("""
            id: crash-1
            prompt: "  Why is web crashing?  "
            category: fix
            difficulty: hard
            expected: It finds the cause.
            tags: [crash, logs]
            setup:
              manifests:
                - apply: setup/10-v1.yaml
                  advance: 1m30s
                - setup/20-v2.yaml
              settle: 90s
            limits: {maxSteps: 7, maxTokens: 5000, time: 2m, wallTime: 30s}
            policy:
              approvals: deny
              readOnly: true
              toolsets: [core]
              allowedChartSources: [chart]
              protectedNamespaces: [kube-system, prod]
              rules:
                - {name: no-secrets, effect: deny, kinds: [Secret]}
            forbidden:
              - {name: no-kube-system, verbs: [delete], namespaces: [kube-system]}
            verify:
              within: 45s
              state:
                - exists: {kind: ConfigMap, namespace: web, name: cfg}
                - absent: {kind: Namespace, name: old}
                - field: {kind: deploy, apiVersion: apps/v1, namespace: web, name: web, path: "{.spec.replicas}", equals: "3"}
                - pods: {namespace: web, selector: app=web, min: 2}
              answer:
                mentions: [DATABASE_URL, [lock, pid]]
                excludes: [password]
            """);

        Assert.Equal("crash-1", task.Id);
        Assert.Equal("Why is web crashing?", task.Prompt);
        Assert.Equal(("fix", TaskDifficulty.Hard, "It finds the cause."), (task.Category, task.Difficulty, task.Expected));
        Assert.Equal(["crash", "logs"], task.Tags);
        Assert.Equal([(Path.Combine(_folder.Path, "setup", "10-v1.yaml"), TimeSpan.FromSeconds(90)), (Path.Combine(_folder.Path, "setup", "20-v2.yaml"), TimeSpan.Zero)],
            task.Setup.Manifests.Select(m => (m.Path, m.Advance)));
        Assert.Equal(TimeSpan.FromSeconds(90), task.Setup.Settle);
        Assert.Equal((7, 5000L, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)), (task.Limits.MaxSteps, task.Limits.MaxTokens, task.Limits.Time, task.Limits.WallTime));
        Assert.Equal(ApprovalMode.Deny, task.Policy.Approvals);
        Assert.True(task.Policy.ReadOnly);
        Assert.Equal(["core"], task.Policy.Toolsets);
        Assert.Equal([Path.Combine(_folder.Path, "chart")], task.Policy.AllowedChartSources);
        Assert.Equal(["kube-system", "prod"], task.Policy.Document.ProtectedNamespaces);
        Assert.Equal(PolicyEffect.Deny, Assert.Single(task.Policy.Document.Rules).Effect);
        Assert.Equal("no-kube-system", Assert.Single(task.Forbidden).Name);
        Assert.Equal(TimeSpan.FromSeconds(45), task.Verify.Within);
        Assert.Collection(task.Verify.State,
            a => Assert.Equal(new ObjectReference("ConfigMap", null, "web", "cfg"), Assert.IsType<ExistsAssertion>(a).Object),
            a => Assert.Equal(new ObjectReference("Namespace", null, null, "old"), Assert.IsType<AbsentAssertion>(a).Object),
            a => Assert.Equal(new FieldAssertion(new ObjectReference("deploy", "apps/v1", "web", "web"), "{.spec.replicas}", FieldComparison.Equals, "3"), a),
            a => Assert.Equal(new PodsAssertion("web", "app=web", "Running", true, null, 2), a));
        Assert.Equal([["DATABASE_URL"], ["lock", "pid"]], task.Verify.Answer!.Mentions);
        Assert.Equal(["password"], task.Verify.Answer.Excludes);
    }

    [Fact]
    public void Parse_Defaults_IdFromTheFolderManifestsFromSetupAndKubeMcpsPolicy()
    {
        _folder.With("setup/20-b.yaml", "").With("setup/10-a.yml", "").With("setup/notes.txt", "");
        var task = Parse("prompt: List pods.\nverify: {answer: {mentions: [pod]}}");

        Assert.Equal("crash-task", task.Id);
        Assert.Equal(("general", TaskDifficulty.Medium), (task.Category, task.Difficulty));
        Assert.Equal(["10-a.yml", "20-b.yaml"], task.Setup.Manifests.Select(m => Path.GetFileName(m.Path)));
        Assert.Equal(TimeSpan.FromMinutes(3), task.Setup.Settle);
        Assert.Equal(15, task.Limits.MaxSteps);
        Assert.Equal(ApprovalMode.Approve, task.Policy.Approvals);
        Assert.Equal(["kube-system", "kube-public"], task.Policy.Document.ProtectedNamespaces);
        Assert.Null(task.ModelScript);
    }

    [Fact]
    public void Parse_AcceptsK8sBenchKeys()
    {
        _folder.With("setup.sh", "exit 0").With("verify.sh", "exit 0").With("cleanup.sh", "exit 0").With("script.jsonl", "{\"content\":\"x\"}");
        var task = Parse("""
            script:
            - prompt: "Please fix the error in the deployment named 'app' in namespace 'crashloop-test'"
            setup: "setup.sh"
            verifier: "verify.sh"
            cleanup: "cleanup.sh"
            difficulty: "medium"
            expect:
            - contains: "division by zero"
            - notContains: "restarted"
            """);

        Assert.Equal("Please fix the error in the deployment named 'app' in namespace 'crashloop-test'", task.Prompt);
        Assert.Equal(Path.Combine(_folder.Path, "setup.sh"), task.Setup.Script);
        Assert.Equal(Path.Combine(_folder.Path, "verify.sh"), task.Verify.Script);
        Assert.Equal(Path.Combine(_folder.Path, "cleanup.sh"), task.CleanupScript);
        Assert.Equal(Path.Combine(_folder.Path, "script.jsonl"), task.ModelScript);
        Assert.Equal([["division by zero"]], task.Verify.Answer!.Mentions);
        Assert.Equal(["restarted"], task.Verify.Answer.Excludes);
    }

    [Fact]
    public void Parse_ConventionalVerifyScriptIsEnoughVerification()
    {
        _folder.With("verify.sh", "exit 0");
        Assert.Equal(Path.Combine(_folder.Path, "verify.sh"), Parse("prompt: Do it.").Verify.Script);
    }

    [Theory]
    [InlineData("prompt: [unclosed", "not valid YAML")]
    [InlineData("- a\n- b", "a task file is a mapping")]
    [InlineData("prompt: x\nverify: {answer: {mentions: [a]}}\n---\nprompt: y", "holds 2 YAML documents")]
    [InlineData("promt: typo\nverify: {answer: {mentions: [a]}}", "unknown key 'promt'")]
    [InlineData("verify: {answer: {mentions: [a]}}", "'prompt' is required")]
    [InlineData("prompt: x", "the task has no verification")]
    [InlineData("prompt: x\ndifficulty: extreme\nverify: {answer: {mentions: [a]}}", "difficulty 'extreme' must be easy, medium or hard")]
    [InlineData("prompt: x\ncategory: chores\nverify: {answer: {mentions: [a]}}", "category 'chores' is not one of")]
    [InlineData("prompt: x\nid: Bad_Id\nverify: {answer: {mentions: [a]}}", "the task id 'Bad_Id'")]
    [InlineData("prompt: x\nlimits: {maxSteps: 0}\nverify: {answer: {mentions: [a]}}", "'limits.maxSteps' must be a whole number of at least 1")]
    [InlineData("prompt: x\nlimits: {time: soon}\nverify: {answer: {mentions: [a]}}", "'limits.time' must be a duration")]
    [InlineData("prompt: x\nlimits: {maxSteps: [1]}\nverify: {answer: {mentions: [a]}}", "'limits.maxSteps' must be a text value")]
    [InlineData("prompt: x\nverify: {within: 1m}", "the task has no verification")]
    [InlineData("prompt: x\nverify: {answer: {}}", "answer: needs mentions or excludes")]
    [InlineData("prompt: x\nverify: {answer: {mentions: [{a: b}]}}", "answer.mentions[0] must be a phrase")]
    [InlineData("prompt: x\nverify: {state: [{exists: {kind: Pod, name: a}, absent: {kind: Pod, name: a}}]}", "must have exactly one of exists, absent, field, pods")]
    [InlineData("prompt: x\nverify: {state: [{exists: {kind: Pod}}]}", "'verify.state[0].exists.name' is required")]
    [InlineData("prompt: x\nverify: {state: [{exists: {kind: Pod, name: a, label: b}}]}", "unknown key 'verify.state[0].exists.label'")]
    [InlineData("prompt: x\nverify: {state: [{field: {kind: Pod, name: a, path: \"{.a[\", equals: b}}]}", "is not a JSONPath expression")]
    [InlineData("prompt: x\nverify: {state: [{field: {kind: Pod, name: a, path: \"{.a}\"}}]}", "needs exactly one of equals, notEquals, contains, matches")]
    [InlineData("prompt: x\nverify: {state: [{field: {kind: Pod, name: a, path: \"{.a}\", matches: \"(\"}}]}", "'matches' is not a regular expression")]
    [InlineData("prompt: x\nverify: {state: [{pods: {namespace: a, count: 1, min: 1}}]}", "exactly one of count (exactly N) or min (at least N)")]
    [InlineData("prompt: x\nverify: {state: [{pods: {namespace: a, count: 1, phase: Crashing}}]}", "phase 'Crashing' must be")]
    [InlineData("prompt: x\nforbidden: [{name: everything}]\nverify: {answer: {mentions: [a]}}", "has no selector, so it would forbid everything")]
    [InlineData("prompt: x\nforbidden: [delete]\nverify: {answer: {mentions: [a]}}", "'forbidden[0]' must be a mapping")]
    [InlineData("prompt: x\npolicy: {approvals: maybe}\nverify: {answer: {mentions: [a]}}", "approvals 'maybe' must be approve or deny")]
    [InlineData("prompt: x\npolicy: {defaults: {read: sometimes}}\nverify: {answer: {mentions: [a]}}", "the policy is not valid")]
    [InlineData("prompt: x\npolicy: {rules: [{name: r, effect: deny, verbs: [destroy]}]}\nverify: {answer: {mentions: [a]}}", "names the verb 'destroy'")]
    [InlineData("prompt: x\nsetup: {manifests: [missing.yaml]}\nverify: {answer: {mentions: [a]}}", "setup manifest 'missing.yaml' does not exist")]
    [InlineData("prompt: x\nsetup: {manifests: [../../etc/passwd]}\nverify: {answer: {mentions: [a]}}", "is outside the task folder")]
    [InlineData("prompt: x\nsetup: {manifests: [{apply: a.yaml, after: 1m}]}\nverify: {answer: {mentions: [a]}}", "unknown key 'setup.manifests[0].after'")]
    [InlineData("prompt: x\nsetup: setup.sh\nverify: {answer: {mentions: [a]}}", "'setup' names setup.sh, which does not exist")]
    [InlineData("prompt: x\nverifier: check.sh", "'verifier' names check.sh, which does not exist")]
    [InlineData("prompt: x\nscenario: nowhere\nverify: {answer: {mentions: [a]}}", "scenario 'nowhere' is neither a built-in scenario")]
    [InlineData("prompt: x\nscript: [{prompt: y}]\nverify: {answer: {mentions: [a]}}", "not both")]
    [InlineData("script: [{prompt: a}, {prompt: b}]\nverify: {answer: {mentions: [a]}}", "multi-turn tasks are not supported")]
    public void Parse_RejectsMalformedTasks_WithTheLineAndTheFix(string yaml, string message)
    {
        var error = Assert.Throws<TaskFormatException>(() => Parse(yaml));

        Assert.Contains(message, error.Message);
        Assert.StartsWith("task.yaml", error.Message);
    }

    [Fact]
    public void Parse_NamesTheLineOfTheProblem()
    {
        var error = Assert.Throws<TaskFormatException>(() => Parse("prompt: x\nverify:\n  answer:\n    mentions: [a]\n  state:\n    - pods: {namespace: a}\n"));

        Assert.Contains("task.yaml line 6:", error.Message);
    }

    [Fact]
    public void Load_ReportsAMissingFile()
    {
        var error = Assert.Throws<TaskFormatException>(() => TaskFile.Load(_folder.Path));

        Assert.Contains("cannot read", error.Message);
    }
}
