namespace KubeMcp.Agent.ToolCalling;

/// <summary>One problem with a tool call's arguments.</summary>
/// <param name="Argument">The argument's path, e.g. <c>tail</c> or <c>resource.metadata.name</c>.</param>
/// <param name="Problem">What is wrong, phrased for the model.</param>
/// <param name="Schema">The part of the schema the argument must satisfy (JSON), when there is one.</param>
public sealed record ArgumentError(string Argument, string Problem, string? Schema);
