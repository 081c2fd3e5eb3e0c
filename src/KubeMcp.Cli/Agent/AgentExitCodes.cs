using KubeMcp.Agent.Loop;

namespace KubeMcp.Cli.Agent;

/// <summary>Exit statuses of <c>kubemcp ask</c>, <c>chat</c> and <c>demo</c>: 0 only when the agent finished the task.</summary>
internal static class AgentExitCodes
{
    /// <summary>The agent gave a final answer.</summary>
    public const int Completed = 0;

    /// <summary>The model said it cannot do the task, or the model back-end kept failing.</summary>
    public const int GaveUp = 1;

    /// <summary>Bad options, or the MCP server or the model server could not be reached.</summary>
    public const int SetupFailed = 2;

    /// <summary>The step limit was reached before an answer.</summary>
    public const int StepLimit = 3;

    /// <summary>The loop stopped the run: repeated calls, token budget spent, or Ctrl-C.</summary>
    public const int Stopped = 4;

    public static int For(AgentOutcome outcome) => outcome switch
    {
        AgentOutcome.Completed => Completed,
        AgentOutcome.GaveUp => GaveUp,
        AgentOutcome.StepLimit => StepLimit,
        _ => Stopped,
    };
}
