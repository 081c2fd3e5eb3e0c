using System.Diagnostics;
using System.Diagnostics.Metrics;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Telemetry;
using KubeMcp.Tests.Agent.Fakes;

namespace KubeMcp.Tests.Agent.Telemetry;

public sealed class AgentTelemetryTests
{
    [Fact]
    public async Task Run_RecordsStepsToolCallsDurationsAndTokens()
    {
        using var meter = new Meter(AgentTelemetry.SourceName);
        using var telemetry = new AgentTelemetry(meter, ownsMeter: false);
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.Start();

        var model = new ScriptedChatClient()
            .ThenText(Loop.AgentRunnerTests.Call("pods_list") + Loop.AgentRunnerTests.Call("pods_delete", """{"name":"a"}"""))
            .ThenText("done");
        var tools = new FakeToolExecutor(KubeTools.Core).On("pods_list", "NAME\n");
        await new AgentRunner(model, tools, approvalGate: NonInteractiveApprovalGate.Instance, telemetry: telemetry).RunAsync("x", TestContext.Current.CancellationToken);

        Assert.Equal(2, measurements.Where(m => m.Instrument == "kubemcp.agent.steps").Sum(m => m.Value));
        var calls = measurements.Where(m => m.Instrument == "kubemcp.agent.tool_calls").Select(m => $"{m.Tags["gen_ai.tool.name"]}:{m.Tags["outcome"]}").ToList();
        Assert.Equal(["pods_list:Succeeded", "pods_delete:Refused"], calls);
        Assert.Equal(2, measurements.Count(m => m.Instrument == "kubemcp.agent.tool.duration"));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "kubemcp.agent.model.duration"));
        Assert.Equal(200, measurements.Where(m => m.Instrument == "kubemcp.agent.tokens" && (string?)m.Tags["gen_ai.token.type"] == "input").Sum(m => m.Value));
    }

    [Fact]
    public async Task Run_TracesOneActivityPerTaskWithModelAndToolChildren()
    {
        using var parent = new Activity("test-root").Start();
        var traceId = parent.TraceId;
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == AgentTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == traceId)
                {
                    lock (stopped)
                    {
                        stopped.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var model = new ScriptedChatClient().ThenText(Loop.AgentRunnerTests.Call("pods_list")).ThenText("done");
        await new AgentRunner(model, new FakeToolExecutor(KubeTools.Core).On("pods_list", "NAME\n")).RunAsync("x", TestContext.Current.CancellationToken);

        var task = Assert.Single(stopped, a => a.DisplayName == "invoke_agent kubemcp");
        Assert.Equal("Completed", task.GetTagItem("kubemcp.agent.outcome"));
        Assert.Equal(2, stopped.Count(a => a.OperationName.StartsWith("chat", StringComparison.Ordinal) && a.ParentSpanId == task.SpanId));
        var tool = Assert.Single(stopped, a => a.DisplayName == "execute_tool pods_list");
        Assert.Equal(task.SpanId, tool.ParentSpanId);
        Assert.Equal("pods_list", tool.GetTagItem("gen_ai.tool.name"));
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
