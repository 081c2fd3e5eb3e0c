namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>A task could not be set up or checked (not a failure of the agent); the message says what went wrong.</summary>
internal sealed class EvalException(string message, Exception? inner = null) : Exception(message, inner);
