namespace KubeMcp.Server.Tools;

/// <summary>A tool could not do its job for a reason its message states in words safe to show the caller.</summary>
internal sealed class ToolFailedException(string message, Exception? inner = null) : Exception(message, inner);
