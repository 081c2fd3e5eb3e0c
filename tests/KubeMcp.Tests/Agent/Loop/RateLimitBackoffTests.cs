using System.Net;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Events;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Tests.Agent.Fakes;

namespace KubeMcp.Tests.Agent.Loop;

/// <summary>A server that answers 429 did not run the request: the loop waits as asked and sends it again, even for writes.</summary>
public sealed class RateLimitBackoffTests
{
    [Fact]
    public async Task Run_RetriesANonIdempotentToolAfterTheServersRetryAfter()
    {
        var busy = 1;
        var tools = new FakeToolExecutor([.. KubeTools.Core, KubeTools.PodsExec])
            .On("pods_exec", (_, _) => busy-- > 0
                ? throw new McpServerBusyException(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7))
                : Task.FromResult(ToolResult.Success("done")));
        var model = new ScriptedChatClient().ThenText(AgentRunnerTests.Call("pods_exec", """{"name": "a", "command": ["ls"]}""")).ThenText("ok");
        var time = new SignalingTimeProvider();
        var observer = new RecordingObserver();
        var options = new AgentOptions { RetryJitter = false, ToolTimeout = Timeout.InfiniteTimeSpan, ModelTimeout = Timeout.InfiniteTimeSpan };

        var run = new AgentRunner(model, tools, options, AutoApproveGate.Instance, observer, time).RunAsync("x", TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(7), await time.AdvanceToNextTimerAsync());
        var transcript = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var record = Assert.Single(transcript.ToolCalls);
        Assert.Equal((ToolCallOutcome.Succeeded, 2), (record.Outcome, record.Attempts));
        Assert.Equal(2, tools.Calls.Count);
        Assert.Contains("busy", Assert.Single(observer.Of<RetryScheduled>()).Reason);
    }

    [Fact]
    public async Task Run_CapsAHostileRetryAfterAtTheLongestBackoff()
    {
        var busy = 1;
        var tools = new FakeToolExecutor(KubeTools.Core)
            .On("pods_list", (_, _) => busy-- > 0
                ? throw new McpServerBusyException(HttpStatusCode.TooManyRequests, TimeSpan.FromDays(1))
                : Task.FromResult(ToolResult.Success("NAME\n")));
        var model = new ScriptedChatClient().ThenText(AgentRunnerTests.Call("pods_list")).ThenText("ok");
        var time = new SignalingTimeProvider();
        var options = new AgentOptions { RetryJitter = false, RetryMaxDelay = TimeSpan.FromSeconds(30), ToolTimeout = Timeout.InfiniteTimeSpan, ModelTimeout = Timeout.InfiniteTimeSpan };

        var run = new AgentRunner(model, tools, options, null, null, time).RunAsync("x", TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(30), await time.AdvanceToNextTimerAsync());
        var transcript = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(ToolCallOutcome.Succeeded, transcript.ToolCalls.Single().Outcome);
    }

    [Fact]
    public void TransientFailure_RecognisesRefusalsThatNeverRan()
    {
        Assert.True(TransientFailure.IsUnprocessed(new McpServerBusyException(HttpStatusCode.TooManyRequests, null)));
        Assert.True(TransientFailure.IsUnprocessed(new InvalidOperationException("wrapped", new HttpRequestException("x", null, HttpStatusCode.TooManyRequests))));
        Assert.False(TransientFailure.IsUnprocessed(new HttpRequestException("x", null, HttpStatusCode.ServiceUnavailable)));
        Assert.Equal(TimeSpan.FromSeconds(3), TransientFailure.RetryAfter(new McpServerBusyException(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(3))));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "5", true)]
    [InlineData(HttpStatusCode.TooManyRequests, null, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "2", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null, false)]
    [InlineData(HttpStatusCode.OK, null, false)]
    public async Task RetryAfterHandler_TurnsRefusalsIntoBusyExceptions(HttpStatusCode status, string? retryAfter, bool busy)
    {
        using var client = new HttpClient(new RetryAfterHandler(new StubHandler(status, retryAfter)));

        var send = client.GetAsync("http://127.0.0.1/mcp", TestContext.Current.CancellationToken);

        if (busy)
        {
            var e = await Assert.ThrowsAsync<McpServerBusyException>(() => send);
            Assert.Equal(status, e.StatusCode);
            Assert.Equal(retryAfter is null ? null : TimeSpan.FromSeconds(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture)), e.RetryAfter);
        }
        else
        {
            using var response = await send;
            Assert.Equal(status, response.StatusCode);
        }
    }

    private sealed class StubHandler(HttpStatusCode status, string? retryAfter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status);
            if (retryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }
            return Task.FromResult(response);
        }
    }
}
