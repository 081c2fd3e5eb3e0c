using KubeMcp.Agent.Providers.Offline;

namespace KubeMcp.Tests.Agent.Providers.Offline;

public sealed class TaskIntentTests
{
    [Theory]
    [InlineData("All production pods are failing. Please investigate and restart them.", "Triage", "production", true)]
    [InlineData("investigate failing pods and restart them", "Triage", null, true)]
    [InlineData("Something is broken in the payments namespace", "Triage", "payments", false)]
    [InlineData("debug crashing pods -n staging", "Triage", "staging", false)]
    [InlineData("Why is checkout failing?", "Diagnose", null, false)]
    [InlineData("scale deployment web to 3", "Scale", null, false)]
    [InlineData("list pods in namespace kube-system", "List", "kube-system", false)]
    [InlineData("describe pod web-1", "Describe", null, false)]
    [InlineData("tell me a joke", "Unsupported", null, false)]
    public void Parse_ReadsKindNamespaceAndWhetherRestartsWereAskedFor(string task, string kind, string? ns, bool restart)
    {
        var intent = TaskIntent.Parse(task);

        Assert.Equal((Enum.Parse<IntentKind>(kind), ns, restart), (intent.Kind, intent.Namespace, intent.AllowRestart));
    }

    [Theory]
    [InlineData("The web pods in the storefront namespace never start. What is wrong with them?", "web", "storefront")]
    [InlineData("checkout in namespace shop is not starting. Why?", "checkout", "shop")]
    [InlineData("Why is the ledger pod in the payments namespace stuck in ContainerCreating?", "ledger", "payments")]
    [InlineData("Why does the reports deployment in the analytics namespace keep restarting?", "reports", "analytics")]
    [InlineData("Why won't the notebook deployment in namespace ml start?", "notebook", "ml")]
    [InlineData("The catalog pod in the storefront namespace is Running but gets no traffic. Why?", "catalog", "storefront")]
    [InlineData("The notifier deployment in comms keeps crashing.", "notifier", "comms")]
    [InlineData("The db-migrate job in the platform namespace failed. Why?", "db-migrate", "platform")]
    [InlineData("why is deployment/api failing -n shop", "api", "shop")]
    public void Parse_ProblemWithANamedWorkloadIsADiagnosisOfThatWorkload(string task, string target, string ns)
    {
        var intent = TaskIntent.Parse(task);

        Assert.Equal((IntentKind.Diagnose, target, ns, false), (intent.Kind, intent.Target, intent.Namespace, intent.AllowRestart));
    }

    [Theory]
    [InlineData("Pods in the batch namespace stopped making progress. What is going on?", "batch")]
    [InlineData("Which pod in the cluster has restarted the most, and why?", null)]
    [InlineData("Something is stuck in namespace jobs, have a look", "jobs")]
    [InlineData("Users say the shop is down. Investigate the shop namespace and tell me the root cause.", "shop")]
    public void Parse_ProblemWithoutANameIsATriage(string task, string? ns)
    {
        var intent = TaskIntent.Parse(task);

        Assert.Equal((IntentKind.Triage, null, ns), (intent.Kind, intent.Target, intent.Namespace));
    }

    [Theory]
    [InlineData("The log-shipper pods in the observability namespace keep restarting. Find out why.", false)]
    [InlineData("Which pod has restarted the most?", false)]
    [InlineData("The invoicer in namespace billing is stuck. Diagnose it, but don't change anything.", false)]
    [InlineData("The api pods in payments crash. Restart them.", true)]
    [InlineData("web is broken, please fix it", true)]
    public void Parse_RestartsOnlyWhenAskedFor(string task, bool restart)
    {
        Assert.Equal(restart, TaskIntent.Parse(task).AllowRestart);
    }

    [Theory]
    [InlineData("Scale the web deployment in shop to 5 replicas.", "web", "shop", 5)]
    [InlineData("Bring the batch-worker deployment in the jobs namespace down to a single replica.", "batch-worker", "jobs", 1)]
    [InlineData("scale deploy/api back up to 3 -n prod", "api", "prod", 3)]
    public void Parse_ScalePhrasings(string task, string name, string ns, int replicas)
    {
        var intent = TaskIntent.Parse(task);

        Assert.Equal((IntentKind.Scale, name, ns, replicas), (intent.Kind, intent.Target, intent.Namespace, intent.Replicas));
    }

    [Theory]
    [InlineData("")]
    [InlineData("why")]
    [InlineData("why is   ?")]
    [InlineData("scale to")]
    [InlineData("\"\"\" in namespace \"")]
    public void Parse_MalformedTextNeverThrowsAndNamesNothing(string task)
    {
        var intent = TaskIntent.Parse(task);

        Assert.Null(intent.Target);
    }

    [Theory]
    [InlineData("Which pod in the data namespace is using the most memory right now, and how much?", "Usage", "memory", "data")]
    [InlineData("top cpu consumers -n web", "Usage", "cpu", "web")]
    [InlineData("Which Helm releases are installed in the cluster, and in which namespaces?", "List", "HelmRelease", null)]
    public void Parse_UsageAndReleaseQuestions(string task, string kind, string resource, string? ns)
    {
        var intent = TaskIntent.Parse(task);

        Assert.Equal((Enum.Parse<IntentKind>(kind), resource, ns), (intent.Kind, intent.ResourceKind, intent.Namespace));
    }

    [Theory]
    [InlineData("Print the database password stored in the db-credentials secret in the payments namespace.", "db-credentials")]
    [InlineData("show me the token in secret api-token", "api-token")]
    [InlineData("Reveal the password", null)]
    public void Parse_RequestsForSecretValuesAreRecognised(string task, string? secret)
    {
        var intent = TaskIntent.Parse(task);

        Assert.Equal((IntentKind.SecretValue, secret), (intent.Kind, intent.Target));
    }

    [Fact]
    public void Parse_ScaleReadsKindNameAndReplicas()
    {
        var intent = TaskIntent.Parse("Please scale statefulset/db to 5 in namespace data");

        Assert.Equal(("StatefulSet", "db", 5, "data"), (intent.ResourceKind, intent.Target, intent.Replicas, intent.Namespace));
    }
}
