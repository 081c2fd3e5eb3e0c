using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Providers;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Evaluation.Scripted;
using KubeMcp.Tests.Agent.Fakes;

namespace KubeMcp.Tests.Agent.Loop;

/// <summary>The whole model path: scripted model server → back-end from the factory → loop → fake tools.</summary>
public sealed class AgentOverModelServerTests
{
    [Fact]
    public async Task Triton_TextCallsIncludingAMalformedOneDriveTheLoop()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server
            .ReplyTriton("<think>Start by listing.</think>\n<tool_call>\n{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"production\"}}\n</tool_call>")
            .ReplyTriton("<tool_call>\n{'name': 'pods_log', 'arguments': {'name': 'api-7c9d8f6b5-x2k4p', 'namespace': 'production', 'previous': True, 'tail': 50,}}")
            .ReplyTriton("<tool_call>pods_delete api-7c9d8f6b5-x2k4p</tool_call>")
            .ReplyTriton("<tool_call>\n{\"name\": \"pods_delete\", \"arguments\": \"{\\\"name\\\": \\\"api-7c9d8f6b5-x2k4p\\\", \\\"namespace\\\": \\\"production\\\"}\"}\n</tool_call>")
            .ReplyTriton("The api pod could not reach its database; I restarted it. The web pod needs a valid image tag.");
        using var backend = await new ModelBackendFactory().CreateAsync(new ModelBackendOptions { Provider = ModelProvider.Triton, ModelUrl = server.BaseUrl }, TestContext.Current.CancellationToken);
        var cluster = new ProductionCluster();

        var transcript = await new AgentRunner(backend.Client, cluster.CreateExecutor(), new AgentOptions { ContextWindowTokens = backend.ContextWindowTokens }, AutoApproveGate.Instance)
            .RunAsync("All production pods are failing. Please investigate and restart them.", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal(["pods_list", "pods_log", "pods_delete"], transcript.ToolCalls.Select(c => c.Name));
        Assert.Equal([ProductionCluster.Api], cluster.Deleted);
        Assert.True(transcript.TokensEstimated);
        Assert.Equal("qwen3", transcript.ModelId);

        // The malformed reply was answered with a note, and the model's next prompt carried it.
        var prompts = server.Requests.Select(r => r.Json["text_input"]!.GetValue<string>()).ToList();
        Assert.Contains("could not be read", prompts[3]);
        Assert.Contains("<tool_response>\nNAME", prompts[1]);
        Assert.DoesNotContain("Start by listing", prompts[1]); // reasoning is not replayed
    }

    [Fact]
    public async Task OpenAICompatible_NativeCallsDriveTheLoop()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server
            .ReplyOpenAI(new JsonObject
            {
                ["role"] = "assistant",
                ["tool_calls"] = new JsonArray(
                    new JsonObject { ["id"] = "a", ["type"] = "function", ["function"] = new JsonObject { ["name"] = "pods_list", ["arguments"] = "{\"namespace\":\"production\"}" } },
                    new JsonObject { ["id"] = "b", ["type"] = "function", ["function"] = new JsonObject { ["name"] = "events_list", ["arguments"] = "{\"namespace\":\"production\"}" } }),
            })
            .ReplyOpenAI(new JsonObject { ["role"] = "assistant", ["content"] = "web-6b7c8d9f0-z9y8x cannot pull nginx:1.99-doesnotexist." });
        using var backend = await new ModelBackendFactory().CreateAsync(new ModelBackendOptions { ModelUrl = new Uri(server.BaseUrl, "v1"), Model = "qwen3" }, TestContext.Current.CancellationToken);

        var transcript = await new AgentRunner(backend.Client, new ProductionCluster().CreateExecutor())
            .RunAsync("Why is web failing?", TestContext.Current.CancellationToken);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal([ToolCallOutcome.Succeeded, ToolCallOutcome.Succeeded], transcript.ToolCalls.Select(c => c.Outcome));
        Assert.Equal((240, 60), (transcript.InputTokens, transcript.OutputTokens));
        var second = server.Requests.Last().Json["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "tool", "tool"], second.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("a", second[3]!["tool_call_id"]!.GetValue<string>());
    }
}
