using KubeMcp.Agent.Providers.Offline;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Evaluation.Scripted;
using Microsoft.Extensions.AI;

namespace KubeMcp.Tests.Agent.Providers;

public sealed class ModelBackendFactoryTests
{
    [Fact]
    public void FromEnvironment_ReadsTheVariables()
    {
        var env = new Dictionary<string, string>
        {
            ["KUBEMCP_PROVIDER"] = "Triton",
            ["KUBEMCP_MODEL_URL"] = "http://gpu-box:8000",
            ["KUBEMCP_MODEL"] = "qwen3_vl",
            ["KUBEMCP_API_KEY"] = "k",
            ["KUBEMCP_CONTEXT_WINDOW"] = "65536",
        };

        var options = ModelBackendOptions.FromEnvironment(env.GetValueOrDefault);

        Assert.Equal(ModelProvider.Triton, options.Provider);
        Assert.Equal(new Uri("http://gpu-box:8000"), options.ModelUrl);
        Assert.Equal("qwen3_vl", options.Model);
        Assert.Equal("k", options.ApiKey);
        Assert.Equal(65536, options.ContextWindowTokens);
    }

    [Theory]
    [InlineData("KUBEMCP_PROVIDER", "gpt", "use triton, openai or offline")]
    [InlineData("KUBEMCP_MODEL_URL", "localhost:8000", "not an http(s) URL")]
    [InlineData("KUBEMCP_CONTEXT_WINDOW", "lots", "token count")]
    public void FromEnvironment_RejectsBadValuesNamingTheVariable(string variable, string value, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelBackendOptions.FromEnvironment(v => v == variable ? value : null));

        Assert.Contains(variable, ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public async Task Create_NothingConfiguredAndNoTriton_IsTheOfflinePlanner()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.TritonReady = false;

        using var backend = await new ModelBackendFactory().CreateAsync(new ModelBackendOptions { AutoDetectUrl = server.BaseUrl }, TestContext.Current.CancellationToken);

        Assert.Equal(ModelProvider.Offline, backend.Provider);
        Assert.IsType<OfflinePlannerChatClient>(backend.Client);
        Assert.Contains("not an LLM", backend.Description);
    }

    [Fact]
    public async Task Create_TritonAnsweringReady_IsDetectedAndItsModelDiscovered()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.ModelName = "qwen3_vl";

        using var backend = await new ModelBackendFactory().CreateAsync(new ModelBackendOptions { AutoDetectUrl = server.BaseUrl }, TestContext.Current.CancellationToken);
        server.ReplyTriton("hello");
        var response = await backend.Client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ModelProvider.Triton, backend.Provider);
        Assert.Equal("hello", response.Text);
        Assert.Equal("/v2/models/qwen3_vl/generate", server.Requests.Last().Path);
    }

    [Fact]
    public async Task Create_UrlThatIsNotTriton_IsOpenAICompatible()
    {
        await using var server = await ScriptedModelServer.StartAsync();

        using var backend = await new ModelBackendFactory().CreateAsync(new ModelBackendOptions { ModelUrl = new Uri(server.BaseUrl, "v1"), Model = "m" }, TestContext.Current.CancellationToken);

        Assert.Equal(ModelProvider.OpenAI, backend.Provider);
    }

    [Fact]
    public async Task Create_OpenAIWithoutUrl_FailsWithAClearMessage()
    {
        var ex = await Assert.ThrowsAsync<ModelBackendException>(() => new ModelBackendFactory().CreateAsync(new ModelBackendOptions { Provider = ModelProvider.OpenAI }, TestContext.Current.CancellationToken));

        Assert.Contains("--model-url", ex.Message);
    }

    [Fact]
    public async Task Create_UnreachableAutoDetectUrl_FallsBackToOffline()
    {
        // Port 9 (discard) on loopback is closed here: the probe fails fast.
        using var backend = await new ModelBackendFactory().CreateAsync(new ModelBackendOptions { AutoDetectUrl = new Uri("http://127.0.0.1:9") }, TestContext.Current.CancellationToken);

        Assert.Equal(ModelProvider.Offline, backend.Provider);
    }
}
