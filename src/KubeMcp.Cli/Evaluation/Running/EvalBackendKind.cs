namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>What answers for the agent in an evaluation.</summary>
internal enum EvalBackendKind
{
    /// <summary>The rule-based offline planner (no model).</summary>
    Offline,

    /// <summary>Each task's recorded replies (script.jsonl), served by the scripted model server.</summary>
    Scripted,

    /// <summary>A real model server (Triton or OpenAI-compatible).</summary>
    Model,
}
