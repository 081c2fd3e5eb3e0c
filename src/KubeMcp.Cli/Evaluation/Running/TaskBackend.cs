using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Evaluation.Scripted;
using KubeMcp.Cli.Evaluation.Tasks;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>The model back-end of one task run (and, for the scripted back-end, the server replaying its replies).</summary>
internal sealed class TaskBackend : IAsyncDisposable
{
    private readonly ScriptedModelServer? _server;

    private TaskBackend(ModelBackend backend, ScriptedModelServer? server)
    {
        Backend = backend;
        _server = server;
    }

    public ModelBackend Backend { get; }

    /// <summary>Recorded replies the agent did not ask for (scripted back-end).</summary>
    public int UnusedReplies => _server?.Pending ?? 0;

    /// <summary>Builds the back-end; <paramref name="resolve"/> fills in a scripted reply's placeholders from the live cluster.</summary>
    public static async Task<TaskBackend> CreateAsync(
        EvalOptions options, EvalTask task, Func<string, CancellationToken, Task<string>> resolve, CancellationToken ct)
    {
        var factory = new ModelBackendFactory();
        switch (options.Backend)
        {
            case EvalBackendKind.Offline:
                return new TaskBackend(await factory.CreateAsync(new ModelBackendOptions { Provider = ModelProvider.Offline }, ct).ConfigureAwait(false), null);
            case EvalBackendKind.Model:
                return new TaskBackend(await factory.CreateAsync(options.Model, ct).ConfigureAwait(false), null);
        }
        var script = ModelScript.Load(task.ModelScript ?? throw new EvalException($"task {task.Id} has no script.jsonl"));
        var server = await ScriptedModelServer.StartAsync().ConfigureAwait(false);
        try
        {
            server.ModelName = "scripted";
            script.QueueOn(server, resolve);
            var backend = await factory.CreateAsync(new ModelBackendOptions
            {
                Provider = ModelProvider.OpenAI,
                ModelUrl = new Uri(server.BaseUrl, "v1"),
                Model = server.ModelName,
            }, ct).ConfigureAwait(false);
            return new TaskBackend(backend, server);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Backend.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
