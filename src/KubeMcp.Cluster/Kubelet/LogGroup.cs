namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// Lines a simulated program prints at one moment after it starts. Lines are templates: <c>{{time:FORMAT}}</c>,
/// <c>{{version}}</c>, <c>{{hostname}}</c>, <c>{{podIP}}</c>, <c>{{kernel}}</c>, <c>{{var:NAME}}</c>,
/// <c>{{env:NAME:DEFAULT}}</c> and <c>{{flag:NAME:DEFAULT}}</c> are filled in when the program runs.
/// </summary>
internal sealed record LogGroup(TimeSpan At, IReadOnlyList<string> Lines, LogStreamKind Stream = LogStreamKind.Stdout);
