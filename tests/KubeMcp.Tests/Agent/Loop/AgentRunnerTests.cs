using System.Net;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Events;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Providers;
using KubeMcp.Agent.Sessions;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Tests.Agent.Fakes;
using Microsoft.Extensions.AI;

namespace KubeMcp.Tests.Agent.Loop;

public sealed class AgentRunnerTests
{
    private const string PodsTable = "NAME     READY   STATUS             RESTARTS   AGE\napp-xyz  0/1     CrashLoopBackOff   5          3m\n";

    internal static string Call(string name, string args = "{}") => $"<tool_call>\n{{\"name\": \"{name}\", \"arguments\": {args}}}\n</tool_call>";

    private static FakeToolExecutor Executor() => new FakeToolExecutor(KubeTools.Core)
        .On("pods_list", PodsTable)
        .On("pods_get", args => ToolResult.Success($"name: {args["name"]}"))
        .On("pods_log", "ERROR cannot read /etc/app/config.yaml")
        .On("events_list", "LAST SEEN   TYPE   REASON   OBJECT   MESSAGE\n")
        .On("pods_delete", args => ToolResult.Success($"Pod deleted: {args["name"]}"))
        .On("namespaces_list", "NAME\nproduction\n");

    private static AgentRunner Runner(IChatClient chat, IToolExecutor tools, AgentOptions? options = null, IApprovalGate? gate = null,
        IAgentObserver? observer = null, TimeProvider? time = null) =>
        new(chat, tools, options ?? new AgentOptions { RetryJitter = false }, gate, observer, time);

    [Fact]
    public async Task Run_GathersActsVerifiesAndAnswers()
    {
        var model = new ScriptedChatClient()
            .ThenText("I'll list the pods.\n" + Call("pods_list", """{"namespace": "production"}"""))
            .ThenText(Call("pods_log", """{"name": "app-xyz", "namespace": "production", "tail": 50}"""))
            .ThenText(Call("pods_delete", """{"name": "app-xyz", "namespace": "production"}"""))
            .ThenText(Call("pods_list", """{"namespace": "production"}"""))
            .ThenText("app-xyz was crash-looping because its config file is missing; I restarted it.");
        var tools = Executor();
        var observer = new RecordingObserver();

        var transcript = await Runner(model, tools, gate: AutoApproveGate.Instance, observer: observer)
            .RunAsync("All production pods are failing. Please investigate and restart them.", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal(5, transcript.Steps);
        Assert.StartsWith("app-xyz was crash-looping", transcript.FinalAnswer);
        Assert.Equal(["pods_list", "pods_log", "pods_delete", "pods_list"], transcript.ToolCalls.Select(c => c.Name));
        Assert.Equal(["pods_list", "pods_log", "pods_delete", "pods_list"], tools.Calls.Select(c => c.Name));
        Assert.Equal("approved: pre-approved (--yes)", transcript.ToolCalls[2].Approval);
        Assert.Equal((500, 100), (transcript.InputTokens, transcript.OutputTokens));
        Assert.False(transcript.TokensEstimated);

        // The model saw each result in the next request, as a tool message answering its call.
        var second = model.Requests[1].Messages;
        var result = second.Last().Contents.OfType<FunctionResultContent>().Single();
        Assert.Equal(PodsTable, result.Result);
        Assert.Equal(second[^2].Contents.OfType<FunctionCallContent>().Single().CallId, result.CallId);
        Assert.Equal(ChatRole.System, second[0].Role);
        Assert.Contains("Never invent names", second[0].Text);

        // The tools are declared natively, once: the system prompt does not list them again.
        Assert.Equal(KubeTools.Core.Select(t => t.Name), model.Requests[0].Options!.Tools!.Select(t => t.Name));
        Assert.DoesNotContain("pods_log", second[0].Text);

        Assert.Equal(5, observer.Of<StepStarted>().Count);
        Assert.Equal(4, observer.Of<ToolCallCompleted>().Count);
        Assert.Equal("1 row", observer.Of<ToolCallCompleted>()[0].Summary);
        Assert.Single(observer.Of<ApprovalRequested>());
        Assert.Equal(AgentOutcome.Completed, Assert.Single(observer.Of<AgentFinished>()).Outcome);
    }

    [Fact]
    public async Task Run_NativeFunctionCallsWorkTheSameWay()
    {
        var model = new ScriptedChatClient().ThenCalls(("pods_list", "{}"), ("events_list", """{"namespace":"production"}""")).ThenText("done");
        var tools = Executor();

        var transcript = await Runner(model, tools).RunAsync("look", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal(["pods_list", "events_list"], tools.Calls.Select(c => c.Name));
        Assert.Equal(2, model.Requests[1].Messages.Count(m => m.Role == ChatRole.Tool));
    }

    [Fact]
    public async Task Run_NonInteractiveRefusesDestructiveCallsAndTellsTheModel()
    {
        var model = new ScriptedChatClient()
            .ThenText(Call("pods_delete", """{"name": "app-xyz", "namespace": "production"}"""))
            .ThenText("I was not allowed to restart app-xyz.");
        var tools = Executor();
        var observer = new RecordingObserver();

        var transcript = await Runner(model, tools, observer: observer).RunAsync("restart app-xyz", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(tools.Calls, c => c.Name == "pods_delete");
        var record = Assert.Single(transcript.ToolCalls);
        Assert.Equal(ToolCallOutcome.Refused, record.Outcome);
        Assert.True(record.IsError);
        Assert.Contains("--yes", record.Result);
        Assert.Contains("Do not try this action again", record.Result);
        Assert.StartsWith("refused:", record.Approval);
        Assert.False(Assert.Single(observer.Of<ApprovalAnswered>()).Approved);
        Assert.Contains("did not approve", model.Requests[1].Messages.Last().Contents.OfType<FunctionResultContent>().Single().Result!.ToString());
    }

    [Fact]
    public async Task Run_ConsoleApprovalGrantedRunsTheCall()
    {
        var model = new ScriptedChatClient()
            .ThenText(Call("pods_delete", """{"name": "app-xyz"}"""))
            .ThenText(Call("pods_delete", """{"name": "other"}"""))
            .ThenText("done");
        var tools = Executor();
        var output = new StringWriter();
        var gate = new ConsoleApprovalGate(new StringReader("y\nn\n"), output);

        var transcript = await Runner(model, tools, gate: gate).RunAsync("restart", TestContext.Current.CancellationToken);

        Assert.Equal(["pods_delete"], tools.Calls.Select(c => c.Name));
        Assert.Equal([ToolCallOutcome.Succeeded, ToolCallOutcome.Refused], transcript.ToolCalls.Select(c => c.Outcome));
        Assert.Contains("pods_delete(name=app-xyz)", output.ToString());
    }

    [Fact]
    public async Task Run_StopsAtTheStepLimit()
    {
        var model = new ScriptedChatClient();
        for (var i = 0; i < 5; i++)
        {
            model.ThenText(Call("pods_list", $$"""{"namespace": "ns{{i}}"}"""));
        }

        var transcript = await Runner(model, Executor(), new AgentOptions { MaxSteps = 3 }).RunAsync("loop forever", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.StepLimit, transcript.Outcome);
        Assert.Equal(3, transcript.Steps);
        Assert.Contains("step limit (3)", transcript.Reason);
        Assert.Null(transcript.FinalAnswer);
    }

    [Fact]
    public async Task Run_StopsOnTheThirdIdenticalCall()
    {
        var model = new ScriptedChatClient()
            .ThenText(Call("pods_get", """{"name": "a", "namespace": "p"}"""))
            .ThenText(Call("pods_get", """{"namespace": "p", "name": "a"}"""))
            .ThenText(Call("pods_get", """{"name": "a", "namespace": "p"}"""))
            .ThenText("never reached");
        var tools = Executor();

        var transcript = await Runner(model, tools).RunAsync("loop", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.Stopped, transcript.Outcome);
        Assert.Contains("third time with identical arguments", transcript.Reason);
        Assert.Equal(2, tools.Calls.Count);
        Assert.Contains("Do not repeat it again", transcript.ToolCalls[1].Result);
        Assert.Equal(ToolCallOutcome.Repeated, transcript.ToolCalls[2].Outcome);
        Assert.Equal(1, model.Remaining);
    }

    [Fact]
    public async Task Run_ReadingAgainAfterAChangeIsNotARepeat()
    {
        var model = new ScriptedChatClient()
            .ThenText(Call("pods_list"))
            .ThenText(Call("pods_list"))
            .ThenText(Call("pods_delete", """{"name": "a"}"""))
            .ThenText(Call("pods_list"))
            .ThenText(Call("pods_list"))
            .ThenText("verified");

        var transcript = await Runner(model, Executor(), gate: AutoApproveGate.Instance).RunAsync("x", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
    }

    [Fact]
    public async Task Run_RetriesATransientModelFailureWithExponentialBackoff()
    {
        var model = new ScriptedChatClient()
            .ThenThrow(new ModelBackendException("Triton answered 503", HttpStatusCode.ServiceUnavailable, isTransient: true))
            .ThenThrow(new HttpRequestException("reset", new IOException("connection reset by peer")))
            .ThenText("all good");
        var time = new SignalingTimeProvider();
        var observer = new RecordingObserver();
        var options = new AgentOptions { RetryJitter = false, ModelTimeout = Timeout.InfiniteTimeSpan };

        var run = Runner(model, Executor(), options, observer: observer, time: time).RunAsync("x", TestContext.Current.CancellationToken);
        var delays = new[] { await time.AdvanceToNextTimerAsync(), await time.AdvanceToNextTimerAsync() };
        var transcript = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays);
        Assert.Equal([1, 2], observer.Of<RetryScheduled>().Select(r => r.Attempt));
        Assert.All(observer.Of<RetryScheduled>(), r => Assert.Equal("model", r.Operation));
        Assert.Equal(3000, transcript.ModelCalls.Single().LatencyMs);
    }

    [Fact]
    public async Task Run_GivesUpWhenTheModelKeepsFailing()
    {
        var model = new ScriptedChatClient();
        for (var i = 0; i < 3; i++)
        {
            model.ThenThrow(new ModelBackendException("Triton answered 503", HttpStatusCode.ServiceUnavailable, isTransient: true));
        }

        var time = new SignalingTimeProvider();
        var options = new AgentOptions { RetryJitter = false, MaxRetries = 2, ModelTimeout = Timeout.InfiniteTimeSpan };
        var run = Runner(model, Executor(), options, time: time).RunAsync("x", TestContext.Current.CancellationToken);
        await time.AdvanceToNextTimerAsync();
        await time.AdvanceToNextTimerAsync();
        var transcript = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.GaveUp, transcript.Outcome);
        Assert.Contains("kept failing", transcript.Reason);
        Assert.Contains("503", transcript.Reason);
    }

    [Fact]
    public async Task Run_PermanentModelErrorIsNotRetried()
    {
        var model = new ScriptedChatClient().ThenThrow(new ModelBackendException("Triton answered 400: bad prompt", HttpStatusCode.BadRequest));

        var transcript = await Runner(model, Executor()).RunAsync("x", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.GaveUp, transcript.Outcome);
        Assert.Equal("The model back-end failed: Triton answered 400: bad prompt", transcript.Reason);
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task Run_RetriesATransientToolFailureForIdempotentTools()
    {
        var failures = 1;
        var tools = Executor().On("pods_list", (_, _) => failures-- > 0
            ? throw new HttpRequestException("Service Unavailable", null, HttpStatusCode.ServiceUnavailable)
            : Task.FromResult(ToolResult.Success(PodsTable)));
        var model = new ScriptedChatClient().ThenText(Call("pods_list")).ThenText("ok");
        var time = new SignalingTimeProvider();

        var run = Runner(model, tools, new AgentOptions { RetryJitter = false, ToolTimeout = Timeout.InfiniteTimeSpan, ModelTimeout = Timeout.InfiniteTimeSpan }, time: time)
            .RunAsync("x", TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(1), await time.AdvanceToNextTimerAsync());
        var transcript = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var record = Assert.Single(transcript.ToolCalls);
        Assert.Equal((ToolCallOutcome.Succeeded, 2), (record.Outcome, record.Attempts));
        Assert.Equal(PodsTable, record.Result);
    }

    [Fact]
    public async Task Run_DoesNotRetryANonIdempotentToolAndReportsTheFailure()
    {
        var tools = new FakeToolExecutor([.. KubeTools.Core, KubeTools.PodsExec])
            .On("pods_exec", (_, _) => throw new HttpRequestException("connection reset", new IOException("reset")));
        var model = new ScriptedChatClient().ThenText(Call("pods_exec", """{"name": "a", "command": ["ls"]}""")).ThenText("could not run it");

        var transcript = await Runner(model, tools, gate: AutoApproveGate.Instance).RunAsync("x", TestContext.Current.CancellationToken);

        var record = Assert.Single(transcript.ToolCalls);
        Assert.Equal((ToolCallOutcome.TransportError, 1), (record.Outcome, record.Attempts));
        Assert.Contains("do not assume the call took effect", record.Result);
        Assert.Single(tools.Calls);
    }

    [Fact]
    public async Task Run_PermanentToolExceptionIsReportedToTheModel()
    {
        var tools = Executor().On("pods_get", (_, _) => throw new InvalidOperationException("pods \"zz\" is forbidden"));
        var model = new ScriptedChatClient().ThenText(Call("pods_get", """{"name": "zz"}""")).ThenText("forbidden");

        var transcript = await Runner(model, tools).RunAsync("x", TestContext.Current.CancellationToken);

        Assert.Equal("The call to pods_get failed: pods \"zz\" is forbidden", transcript.ToolCalls.Single().Result);
        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
    }

    [Fact]
    public async Task Run_ToolTimeoutIsReportedToTheModel()
    {
        var tools = new FakeToolExecutor([.. KubeTools.Core, KubeTools.PodsExec])
            .On("pods_exec", async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return ToolResult.Success("never");
            });
        var model = new ScriptedChatClient().ThenText(Call("pods_exec", """{"name": "a", "command": ["sleep", "1000"]}""")).ThenText("it hung");
        var time = new SignalingTimeProvider();
        var options = new AgentOptions { ToolTimeout = TimeSpan.FromSeconds(10), ModelTimeout = Timeout.InfiniteTimeSpan };

        var run = Runner(model, tools, options, AutoApproveGate.Instance, time: time).RunAsync("x", TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(10), await time.AdvanceToNextTimerAsync());
        var transcript = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var record = Assert.Single(transcript.ToolCalls);
        Assert.Equal(ToolCallOutcome.TimedOut, record.Outcome);
        Assert.Contains("timed out after 10 s", record.Result);
    }

    [Fact]
    public async Task Run_TruncatesLongOutputAndSaysHowToNarrow()
    {
        var big = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"line {i:D5} " + new string('x', 40)));
        var tools = Executor().On("pods_log", big);
        var model = new ScriptedChatClient().ThenText(Call("pods_log", """{"name": "a"}""")).ThenText("done");

        var transcript = await Runner(model, tools, new AgentOptions { MaxToolOutputChars = 2000 }).RunAsync("x", TestContext.Current.CancellationToken);

        var record = Assert.Single(transcript.ToolCalls);
        Assert.True(record.Truncated);
        Assert.True(record.Result.Length < 2400, $"{record.Result.Length} characters");
        Assert.StartsWith("line 00000", record.Result);
        Assert.EndsWith("line 01999 " + new string('x', 40), record.Result);
        Assert.Contains("characters omitted", record.Result);
        Assert.Contains("call pods_log again with name, namespace, container, tail", record.Result);
        var sent = model.Requests[1].Messages.Last().Contents.OfType<FunctionResultContent>().Single().Result!.ToString();
        Assert.Equal(record.Result, sent);
    }

    [Fact]
    public async Task Run_FeedsValidationErrorsBackAndRunsTheCorrectedCall()
    {
        var model = new ScriptedChatClient()
            .ThenText(Call("pods_log", """{"pod": "app-xyz", "tail": "many"}"""))
            .ThenText(Call("pods_log", """{"name": "app-xyz", "tail": "50"}"""))
            .ThenText("found it");
        var tools = Executor();

        var transcript = await Runner(model, tools).RunAsync("x", TestContext.Current.CancellationToken);

        var (name, args) = Assert.Single(tools.Calls);
        Assert.Equal("""{"name":"app-xyz","tail":50}""", args.ToJsonString());
        var invalid = transcript.ToolCalls[0];
        Assert.Equal(ToolCallOutcome.Invalid, invalid.Outcome);
        Assert.Contains("'pod': is not a parameter of pods_log. Did you mean 'name'?", invalid.Result);
        Assert.Contains("'tail': must be an integer", invalid.Result);
        Assert.Contains("'name': is required", invalid.Result);
        Assert.Equal(ToolCallOutcome.Succeeded, transcript.ToolCalls[1].Outcome);
    }

    [Fact]
    public async Task Run_UnknownToolGetsTheClosestNames()
    {
        var model = new ScriptedChatClient().ThenText(Call("pod_list")).ThenText("ok");

        var transcript = await Runner(model, Executor()).RunAsync("x", TestContext.Current.CancellationToken);

        var record = Assert.Single(transcript.ToolCalls);
        Assert.Equal(ToolCallOutcome.UnknownTool, record.Outcome);
        Assert.StartsWith("There is no tool named 'pod_list'. Did you mean pods_list", record.Result);
    }

    [Fact]
    public async Task Run_SendsParseErrorsBackSoTheModelCanRewriteTheCall()
    {
        var model = new ScriptedChatClient()
            .ThenText("<tool_call>pods_list for production</tool_call>")
            .ThenText(Call("pods_list"))
            .ThenText("done");
        var observer = new RecordingObserver();
        var tools = Executor();

        var transcript = await Runner(model, tools, observer: observer).RunAsync("x", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        var note = model.Requests[1].Messages.Last();
        Assert.Equal(ChatRole.User, note.Role);
        Assert.Contains("could not be read", note.Text);
        Assert.Single(observer.Of<ToolCallParseFailed>());
        Assert.Equal(["pods_list"], tools.Calls.Select(c => c.Name));
    }

    [Fact]
    public async Task Run_ModelSayingItCannotCompleteIsGaveUp()
    {
        var model = new ScriptedChatClient().ThenText("CANNOT COMPLETE: there is no tool to read secrets.");

        var transcript = await Runner(model, Executor()).RunAsync("show me the secret", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.GaveUp, transcript.Outcome);
        Assert.Contains("no tool to read secrets", transcript.FinalAnswer);
    }

    [Fact]
    public async Task Run_StopsWhenTheTokenBudgetIsSpent()
    {
        var model = new ScriptedChatClient();
        for (var i = 0; i < 5; i++)
        {
            model.ThenText(Call("pods_list", $$"""{"namespace": "n{{i}}"}"""));
        }

        var transcript = await Runner(model, Executor(), new AgentOptions { TokenBudget = 250 }).RunAsync("x", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.Stopped, transcript.Outcome);
        Assert.Equal(3, transcript.Steps);
        Assert.Contains("token budget", transcript.Reason);
    }

    [Fact]
    public async Task Run_EstimatesTokensWhenTheModelReportsNone()
    {
        var model = new ScriptedChatClient().ThenText("fine", inputTokens: null);

        var transcript = await Runner(model, Executor()).RunAsync("x", TestContext.Current.CancellationToken);

        Assert.True(transcript.TokensEstimated);
        Assert.True(transcript.InputTokens > 100); // the system prompt alone is several hundred tokens
    }

    [Fact]
    public async Task Run_CancellationStopsTheRunWithATranscript()
    {
        using var cts = new CancellationTokenSource();
        var tools = Executor().On("pods_list", (_, _) =>
        {
            cts.Cancel();
            throw new OperationCanceledException(cts.Token);
        });
        var model = new ScriptedChatClient().ThenText(Call("pods_list"));

        var transcript = await Runner(model, tools).RunAsync("x", cts.Token);

        Assert.Equal(AgentOutcome.Stopped, transcript.Outcome);
        Assert.Equal("The run was cancelled.", transcript.Reason);
    }

    [Fact]
    public async Task Run_AConversationRemembersEarlierTasks()
    {
        var model = new ScriptedChatClient().ThenText("There are 4 pods.").ThenText("The first one is app-xyz.");
        var runner = Runner(model, Executor());
        var conversation = new AgentConversation();

        await runner.RunAsync(conversation, "How many pods?", TestContext.Current.CancellationToken);
        var second = await runner.RunAsync(conversation, "Which is first?", TestContext.Current.CancellationToken);

        Assert.Equal(["How many pods?", "There are 4 pods.", "Which is first?"], model.Requests[1].Messages.Skip(1).Select(m => m.Text));
        Assert.Equal(4, conversation.Messages.Count);
        Assert.Equal("Which is first?", second.Task);
        Assert.Equal(["system", "user", "assistant"], second.Messages.Select(m => m.Role));
    }

    [Fact]
    public async Task Transcript_RoundTripsThroughJson()
    {
        var model = new ScriptedChatClient().ThenText(Call("pods_list", """{"namespace": "production"}""")).ThenText("done");
        var transcript = await Runner(model, Executor()).RunAsync("x", TestContext.Current.CancellationToken);

        var json = transcript.ToJson();
        var back = AgentTranscript.FromJson(json);

        Assert.Contains("\"outcome\": \"Completed\"", json);
        Assert.Contains("\"toolCalls\"", json);
        Assert.Equal(transcript.Steps, back.Steps);
        Assert.Equal(transcript.ToolCalls[0].Arguments.ToJsonString(), back.ToolCalls[0].Arguments.ToJsonString());
        Assert.Equal(transcript.Messages.Count, back.Messages.Count);
        Assert.Equal("pods_list", back.Messages[2].ToolCalls![0].Name);
        Assert.Equal(PodsTable, back.Messages[3].Text);
    }
}
