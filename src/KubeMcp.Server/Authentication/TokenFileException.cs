namespace KubeMcp.Server.Authentication;

/// <summary>A token file that cannot be used, with the line and why (never the token itself).</summary>
public sealed class TokenFileException(string message, Exception? inner = null) : Exception(message, inner);
