namespace KubeMcp.Server.Tools;

/// <summary>A tool argument is missing, of the wrong type or malformed; the message names the argument and the fix.</summary>
internal sealed class ToolArgumentException(string argument, string problem)
    : Exception($"invalid argument '{argument}': {problem}")
{
    public string Argument { get; } = argument;
}
