using System.Diagnostics;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Tools;
using KubeMcp.Cli.Hosting;
using KubeMcp.Cluster;
using Microsoft.Extensions.AI;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary>One agent task is one trace: model calls, the MCP calls, the server's tool calls and its requests to the cluster.</summary>
public sealed class TracePropagationTests
{
    [Fact]
    public async Task AgentTask_ModelMcpAndKubernetesCallsShareOneTrace()
    {
        var ct = TestContext.Current.CancellationToken;
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (stopped)
                {
                    stopped.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var stack = await EmbeddedMcpStack.StartAsync(new EmbeddedMcpStackOptions { Cluster = new EmbeddedClusterOptions { Port = 0 } }, ct);
        var tools = await McpToolExecutor.CreateAsync(stack.Connection, ct);
        var model = new TwoStepModel("""<tool_call>{"name": "namespaces_list", "arguments": {}}</tool_call>""", "There are four namespaces.");

        var transcript = await new AgentRunner(model, tools).RunAsync("Which namespaces are there?", ct);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Activity[] all;
        lock (stopped)
        {
            all = [.. stopped];
        }
        var task = Assert.Single(all, a => a.DisplayName == "invoke_agent kubemcp");
        var trace = all.Where(a => a.TraceId == task.TraceId).ToList();
        Assert.Contains(trace, a => a.DisplayName == "execute_tool namespaces_list");
        Assert.Contains(trace, a => a.Source.Name == "KubeMcp.Server" && a.DisplayName == "tools/call namespaces_list");
        // The server's request to the embedded cluster's API, made while serving the tool call.
        Assert.Contains(trace, a => a.OperationName == "System.Net.Http.HttpRequestOut"
            && a.GetTagItem("url.full") is string url && url.StartsWith(stack.Cluster.Url.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            && url.Contains("/api/v1/namespaces", StringComparison.Ordinal));
    }

    /// <summary>Answers with a tool call first, then with the final text.</summary>
    private sealed class TwoStepModel(string first, string second) : IChatClient
    {
        private int _calls;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Interlocked.Increment(ref _calls) == 1 ? first : second)));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
