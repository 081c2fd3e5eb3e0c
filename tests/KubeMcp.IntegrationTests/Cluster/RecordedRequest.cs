namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>One request a client sent through a <see cref="RecordingProxy"/>.</summary>
public sealed record RecordedRequest(string Method, string Path, string? ContentType, byte[] Body);
