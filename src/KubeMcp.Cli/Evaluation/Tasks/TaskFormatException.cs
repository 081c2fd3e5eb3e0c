namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>A task file that cannot be used; the message names the file, the line and what to change.</summary>
internal sealed class TaskFormatException(string message, Exception? inner = null) : Exception(message, inner);
