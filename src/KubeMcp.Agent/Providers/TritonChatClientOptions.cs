namespace KubeMcp.Agent.Providers;

/// <summary>Options for <see cref="TritonChatClient"/>.</summary>
public sealed class TritonChatClientOptions
{
    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:8000</c> (required).</summary>
    public required Uri Endpoint { get; set; }

    /// <summary>The model name in Triton's repository (required).</summary>
    public required string Model { get; set; }

    /// <summary>Most tokens to generate per reply when the request does not say (default 1024).</summary>
    public int MaxTokens { get; set; } = 1024;

    /// <summary>Sampling temperature when the request does not say (default 0.2: tool use wants little randomness).</summary>
    public float Temperature { get; set; } = 0.2f;

    /// <summary>Pre-fill an empty think block so Qwen3 thinking models answer directly (default false).</summary>
    public bool DisableThinking { get; set; }
}
