using System.Text.Json.Serialization;

namespace KubeMcp.Server.Hosting;

/// <summary>Source-generated serialization for what the HTTP host writes itself (the server is published ahead of time).</summary>
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(string))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
