namespace KubeMcp.Cli.Tools;

/// <summary>An option of <c>kubemcp tools</c> that cannot be used as given; the message says how to write it.</summary>
internal sealed class ToolsUsageException(string message, Exception? innerException = null) : Exception(message, innerException);
