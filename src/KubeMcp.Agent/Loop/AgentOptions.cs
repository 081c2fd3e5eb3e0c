using KubeMcp.Agent.Prompting;

namespace KubeMcp.Agent.Loop;

/// <summary>Limits and behaviour of <see cref="AgentRunner"/>. Defaults suit a 32k-token model.</summary>
public sealed class AgentOptions
{
    /// <summary>Most steps (model calls) per task (default 15).</summary>
    public int MaxSteps { get; set; } = 15;

    /// <summary>Most tokens (prompt + completion, summed over steps) per task; 0 for no limit (default 200,000).</summary>
    public long TokenBudget { get; set; } = 200_000;

    /// <summary>The model's context window in tokens (default 32,768). Older tool results are elided to stay inside it.</summary>
    public int ContextWindowTokens { get; set; } = 32_768;

    /// <summary>Share of the window the prompt may fill before compaction starts (default 0.8).</summary>
    public double CompactionThreshold { get; set; } = 0.8;

    /// <summary>Most tokens per reply (default 1,024).</summary>
    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>Sampling temperature (default 0.2).</summary>
    public float Temperature { get; set; } = 0.2f;

    /// <summary>Longest tool output given to the model, in characters (default 8,000, about 2,300 tokens).</summary>
    public int MaxToolOutputChars { get; set; } = 8_000;

    /// <summary>Time allowed for one tool call attempt (default 60 s).</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one model call attempt (default 5 min: CPU-served models are slow).</summary>
    public TimeSpan ModelTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after a transient failure (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles each retry (default 1 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay (default 30 s).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomise backoff delays (default true; tests turn it off to assert exact delays).</summary>
    public bool RetryJitter { get; set; } = true;

    /// <summary>The model id to request, when the client serves several (default: the client's own).</summary>
    public string? ModelId { get; set; }

    /// <summary>
    /// Show the model compact tool declarations (default true): each description's leading sentences up to 200
    /// characters, parameter descriptions up to 100, no examples. They are sent with every step, so this is most of
    /// the fixed prompt; calls are still checked against the server's full schemas.
    /// </summary>
    public bool CompactToolSchemas { get; set; } = true;

    /// <summary>A system prompt to use instead of the one built from the catalog.</summary>
    public string? SystemPrompt { get; set; }

    /// <summary>Options for the built system prompt.</summary>
    public SystemPromptOptions Prompt { get; set; } = new();
}
