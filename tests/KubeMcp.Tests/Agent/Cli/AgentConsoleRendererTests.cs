using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Providers.Offline;
using KubeMcp.Cli.Agent;
using KubeMcp.Tests.Agent.Fakes;
using KubeMcp.Tests.Cli;
using Spectre.Console;

namespace KubeMcp.Tests.Agent.Cli;

public sealed class AgentConsoleRendererTests
{
    [Fact]
    public async Task Renders_StepsResultsApprovalsAnswerAndTotals()
    {
        var (console, output) = PlainConsole.Create();
        var renderer = new AgentConsoleRenderer(console);
        renderer.WriteHeader("All production pods are failing. Please investigate and restart them.", OfflinePlannerChatClient.ModelName);

        await new AgentRunner(new OfflinePlannerChatClient(), new ProductionCluster().CreateExecutor(), approvalGate: AutoApproveGate.Instance, observer: renderer)
            .RunAsync("All production pods are failing. Please investigate and restart them.", TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.Contains("Task: All production pods are failing.", text);
        Assert.Contains("Step 1: pods_list(namespace=production)", text);
        Assert.Contains("        └─ 4 rows (", text);
        Assert.Contains("Step 2: pods_log(name=api-7c9d8f6b5-x2k4p, namespace=production, tail=50, previous=true)", text);
        Assert.Contains("Step 3: pods_get(name=api-7c9d8f6b5-x2k4p, namespace=production)", text);
        Assert.Contains("Step 4: pods_delete(name=api-7c9d8f6b5-x2k4p, namespace=production)", text);
        Assert.Contains("✔ approved (pre-approved (--yes))", text);
        Assert.Contains("Answer", text);
        Assert.Contains("Offline planner (rule-based, not an LLM): checked 4 pods", text);
        Assert.Contains("Completed · 6 steps · 9 tool calls · 0 tokens ·", text);
    }

    [Fact]
    public async Task Renders_RefusalsErrorsAndTheReasonARunStopped()
    {
        var (console, output) = PlainConsole.Create();
        var model = new ScriptedChatClient()
            .ThenText(KubeMcp.Tests.Agent.Loop.AgentRunnerTests.Call("pods_delete", """{"name": "a"}"""))
            .ThenText(KubeMcp.Tests.Agent.Loop.AgentRunnerTests.Call("pod_list"));

        await new AgentRunner(model, new FakeToolExecutor(KubeTools.Core), new AgentOptions { MaxSteps = 2 }, observer: new AgentConsoleRenderer(console))
            .RunAsync("x", TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.Contains("✘ refused (this run is non-interactive", text);
        Assert.Contains("└─ Refused: error: Not run: the person did not approve", text);
        Assert.Contains("└─ UnknownTool: error: There is no tool named 'pod_list'", text);
        Assert.Contains("The step limit (2) was reached", text);
        Assert.Contains("StepLimit · 2 steps · 2 tool calls · 240 tokens", text);
    }
}
