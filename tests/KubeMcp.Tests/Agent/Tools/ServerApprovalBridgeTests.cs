using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Tools;
using KubeMcp.Tests.Agent.Fakes;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Tests.Agent.Tools;

public sealed class ServerApprovalBridgeTests
{
    private static ElicitRequestParams ServerAsks(string tool, JsonObject arguments) => new()
    {
        Message = $"Approve {tool}?",
        Meta = new JsonObject { [ServerApprovalBridge.MetaKey] = new JsonObject { ["tool"] = tool, ["arguments"] = arguments.DeepClone() } },
    };

    [Fact]
    public async Task Elicitation_ForACallThePersonApprovedIsAcceptedWithoutAskingAgain()
    {
        var inner = new CountingGate(approve: true);
        var bridge = new ServerApprovalBridge(inner);
        var ct = TestContext.Current.CancellationToken;
        await bridge.RequestApprovalAsync(new ApprovalRequest(KubeTools.PodsDelete, new JsonObject { ["name"] = "web", ["namespace"] = "prod" }, 1), ct);

        // Same call, keys in another order: the server serialised it itself.
        var first = await bridge.HandleElicitationAsync(ServerAsks("pods_delete", new JsonObject { ["namespace"] = "prod", ["name"] = "web" }), ct);

        Assert.Equal("accept", first.Action);
        Assert.True(first.Content!["approve"].GetBoolean());
        Assert.Equal(1, inner.Asked);
    }

    [Fact]
    public async Task Elicitation_AnApprovalIsUsedOnlyOnce()
    {
        var inner = new CountingGate(approve: true);
        var bridge = new ServerApprovalBridge(inner);
        var ct = TestContext.Current.CancellationToken;
        var args = new JsonObject { ["name"] = "web" };
        await bridge.RequestApprovalAsync(new ApprovalRequest(KubeTools.PodsDelete, args, 1), ct);
        inner.Approve = false;

        Assert.Equal("accept", (await bridge.HandleElicitationAsync(ServerAsks("pods_delete", args), ct)).Action);
        Assert.Equal("decline", (await bridge.HandleElicitationAsync(ServerAsks("pods_delete", args), ct)).Action);
        Assert.Equal(2, inner.Asked);
    }

    [Fact]
    public async Task Elicitation_ForAnUnknownCallAsksTheInnerGate()
    {
        var ct = TestContext.Current.CancellationToken;

        var refused = await new ServerApprovalBridge(NonInteractiveApprovalGate.Instance).HandleElicitationAsync(ServerAsks("pods_run", []), ct);
        var approved = await new ServerApprovalBridge(AutoApproveGate.Instance).HandleElicitationAsync(ServerAsks("pods_run", []), ct);

        Assert.Equal("decline", refused.Action);
        Assert.Equal("accept", approved.Action);
    }

    [Fact]
    public async Task Elicitation_ThatIsNotAnApprovalRequestIsDeclined()
    {
        var result = await new ServerApprovalBridge(AutoApproveGate.Instance)
            .HandleElicitationAsync(new ElicitRequestParams { Message = "What is your name?" }, TestContext.Current.CancellationToken);

        Assert.Equal("decline", result.Action);
    }

    private sealed class CountingGate(bool approve) : IApprovalGate
    {
        public bool Approve { get; set; } = approve;

        public int Asked { get; private set; }

        public ValueTask<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            Asked++;
            return ValueTask.FromResult(Approve ? ApprovalDecision.Approve() : ApprovalDecision.Deny("no"));
        }
    }
}
