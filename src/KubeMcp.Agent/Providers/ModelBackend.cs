using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Providers;

/// <summary>A ready model back-end: the chat client and what the loop should know about it.</summary>
public sealed class ModelBackend : IDisposable
{
    private readonly IDisposable? _owned;

    internal ModelBackend(IChatClient client, ModelProvider provider, string description, int contextWindowTokens, IDisposable? owned)
    {
        Client = client;
        Provider = provider;
        Description = description;
        ContextWindowTokens = contextWindowTokens;
        _owned = owned;
    }

    /// <summary>The chat client to give the agent loop.</summary>
    public IChatClient Client { get; }

    /// <summary>Which kind of back-end this is.</summary>
    public ModelProvider Provider { get; }

    /// <summary>One line for people, e.g. <c>Triton at http://127.0.0.1:8000, model qwen3</c>.</summary>
    public string Description { get; }

    /// <summary>The context window to configure the loop with.</summary>
    public int ContextWindowTokens { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        _owned?.Dispose();
    }
}
