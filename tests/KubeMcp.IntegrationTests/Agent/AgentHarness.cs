using KubeMcp.Agent.Providers;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Agent;
using KubeMcp.Cli.Evaluation.Scripted;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.IntegrationTests.Server;
using Spectre.Console;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary>Runs the agent in-process (an <see cref="AgentSession"/> as the CLI builds it) or as the real CLI process.</summary>
public sealed class AgentHarness : IDisposable
{
    private readonly StringWriter _output = new();

    public AgentHarness()
    {
        Directory.CreateDirectory(WorkDirectory);
    }

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "kubemcp-agent-tests", Guid.NewGuid().ToString("N"));

    public string TranscriptPath => Path.Combine(WorkDirectory, "transcript.json");

    public string SessionDirectory => Path.Combine(WorkDirectory, "sessions");

    /// <summary>Variables added to the environment of the CLI processes this harness runs.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>What the session printed.</summary>
    public string Output => _output.ToString();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Settings for our MCP server and an OpenAI-compatible model at <paramref name="model"/>.</summary>
    internal AgentSettings OpenAI(McpServerFixture server, ScriptedModelServer model, bool yes = false) =>
        Settings(server, new ModelBackendOptions { Provider = ModelProvider.OpenAI, ModelUrl = new Uri(model.BaseUrl, "v1"), Model = model.ModelName }, yes);

    /// <summary>Settings for our MCP server and Triton's generate protocol at <paramref name="model"/>.</summary>
    internal AgentSettings Triton(McpServerFixture server, ScriptedModelServer model, bool yes = false) =>
        Settings(server, new ModelBackendOptions { Provider = ModelProvider.Triton, ModelUrl = model.BaseUrl }, yes);

    /// <summary>Settings for our MCP server and the offline planner.</summary>
    internal AgentSettings Offline(McpServerFixture server, bool yes = false) =>
        Settings(server, new ModelBackendOptions { Provider = ModelProvider.Offline }, yes);

    /// <summary>A terminal that records the output; <paramref name="input"/> feeds chat lines and approval answers.</summary>
    internal AgentTerminal Terminal(string input = "", bool interactive = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        console.Profile.Width = 240;
        return new AgentTerminal(console, new StringReader(input), _output, interactive);
    }

    /// <summary>Starts a session, runs one task and returns its transcript.</summary>
    internal async Task<AgentTranscript> AskAsync(AgentSettings settings, string task, AgentTerminal? terminal = null)
    {
        await using var session = await AgentSession.StartAsync(settings, terminal ?? Terminal(), Ct);
        return await session.RunAsync(task, writeHeader: true, Ct);
    }

    /// <summary>Runs <c>kubemcp ARGS</c> as a child process with its own session directory and no colours.</summary>
    public Task<ProcessResult> RunCliAsync(params string[] args) => RunCliWithInputAsync("", args);

    /// <summary>Runs <c>kubemcp ARGS</c> with <paramref name="stdin"/> as its (non-terminal) standard input.</summary>
    public async Task<ProcessResult> RunCliWithInputAsync(string stdin, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["XDG_STATE_HOME"] = Path.Combine(WorkDirectory, "state"),
            ["NO_COLOR"] = "1",
            ["TERM"] = "dumb",
            ["KUBEMCP_PROVIDER"] = "",
            ["KUBEMCP_MODEL_URL"] = "",
            ["KUBEMCP_MODEL"] = "",
            ["KUBEMCP_API_KEY"] = "",
        };
        foreach (var (name, value) in Environment)
        {
            environment[name] = value;
        }

        return await ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "kubemcp.dll"), .. args], stdin,
            TimeSpan.FromSeconds(120), environment);
    }

    public void Dispose()
    {
        _output.Dispose();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private AgentSettings Settings(McpServerFixture server, ModelBackendOptions model, bool yes) => new()
    {
        McpUrl = server.Endpoint,
        Model = model,
        AutoApprove = yes,
        TranscriptPath = TranscriptPath,
        SessionDirectory = SessionDirectory,
    };
}
