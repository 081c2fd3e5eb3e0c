using System.Text.Json.Serialization;

namespace KubeMcp.Agent.Transcripts;

/// <summary>Source-generated serialisation for transcripts.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentTranscript))]
internal sealed partial class TranscriptJsonContext : JsonSerializerContext;
