namespace KubeMcp.Cluster.Scenarios;

/// <summary>A scenario that cannot be loaded; the message says which object and why.</summary>
public sealed class ScenarioException(string message) : Exception(message);
