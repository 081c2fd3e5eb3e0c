namespace KubeMcp.Agent.Providers;

/// <summary>The kinds of model back-end.</summary>
public enum ModelProvider
{
    /// <summary>The rule-based offline planner (no model).</summary>
    Offline,

    /// <summary>Triton Inference Server, KServe v2 generate, with the Qwen3 chat template rendered here.</summary>
    Triton,

    /// <summary>Any OpenAI-compatible chat completions server (vLLM, Ollama, llama.cpp, Triton's OpenAI frontend, hosted APIs).</summary>
    OpenAI,
}
