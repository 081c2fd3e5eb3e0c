using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using KubeMcp.Tests.Agent.Fakes;

namespace KubeMcp.Tests.Agent.Approval;

public sealed class ConsoleApprovalGateTests
{
    private static ApprovalRequest Request(string name) => new(KubeTools.PodsDelete, new JsonObject { ["name"] = name, ["namespace"] = "prod" }, 1);

    [Fact]
    public async Task Always_ApprovesLaterCallsOfTheSameToolWithoutAsking()
    {
        var output = new StringWriter();
        var gate = new ConsoleApprovalGate(new StringReader("a\n"), output);

        var first = await gate.RequestApprovalAsync(Request("a"), TestContext.Current.CancellationToken);
        var second = await gate.RequestApprovalAsync(Request("b"), TestContext.Current.CancellationToken);

        Assert.True(first.Approved);
        Assert.True(second.Approved);
        Assert.Contains("pods_delete(name=a, namespace=prod)", output.ToString());
        Assert.DoesNotContain("name=b", output.ToString());
    }

    [Theory]
    [InlineData("n\n", "refused by the person")]
    [InlineData("whatever\n", "refused by the person")]
    [InlineData("", "no answer (input closed)")]
    public async Task AnythingButYesRefuses(string input, string reason)
    {
        var decision = await new ConsoleApprovalGate(new StringReader(input), TextWriter.Null).RequestApprovalAsync(Request("a"), TestContext.Current.CancellationToken);

        Assert.False(decision.Approved);
        Assert.Contains(reason, decision.Reason);
    }

    [Fact]
    public async Task NonInteractiveGate_RefusesAndNamesTheWayOut()
    {
        var decision = await NonInteractiveApprovalGate.Instance.RequestApprovalAsync(Request("a"), TestContext.Current.CancellationToken);

        Assert.False(decision.Approved);
        Assert.Contains("--yes", decision.Reason);
    }
}
