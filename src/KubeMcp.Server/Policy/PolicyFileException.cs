namespace KubeMcp.Server.Policy;

/// <summary>A policy file that cannot be used, with where and why.</summary>
public sealed class PolicyFileException(string message, Exception? inner = null) : Exception(message, inner);
