using System.Text.Json.Serialization;

namespace KubeMcp.Server.Audit;

/// <summary>Source-generated serialization for audit lines (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(AuditRecord))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
