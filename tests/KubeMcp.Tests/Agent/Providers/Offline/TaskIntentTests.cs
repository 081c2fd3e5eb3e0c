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

    [Fact]
    public void Parse_ScaleReadsKindNameAndReplicas()
    {
        var intent = TaskIntent.Parse("Please scale statefulset/db to 5 in namespace data");

        Assert.Equal(("StatefulSet", "db", 5, "data"), (intent.ResourceKind, intent.Target, intent.Replicas, intent.Namespace));
    }
}
