using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KubeMcp.Server.Audit;

/// <summary>One line of the audit log: one <c>tools/call</c>, whatever became of it.</summary>
internal sealed record AuditRecord
{
    [JsonPropertyName("time")] public required DateTimeOffset Time { get; init; }

    [JsonPropertyName("session")] public string? Session { get; init; }

    [JsonPropertyName("caller")] public required string Caller { get; init; }

    [JsonPropertyName("groups"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Groups { get; init; }

    [JsonPropertyName("tool")] public required string Tool { get; init; }

    /// <summary>The arguments with secret values replaced.</summary>
    [JsonPropertyName("arguments")] public JsonObject? Arguments { get; init; }

    [JsonPropertyName("targets"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>allowed, denied, approved or refused.</summary>
    [JsonPropertyName("decision")] public required string Decision { get; init; }

    [JsonPropertyName("rule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Rule { get; init; }

    [JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Reason { get; init; }

    [JsonPropertyName("approvedBy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ApprovedBy { get; init; }

    /// <summary>ok, error, denied or cancelled.</summary>
    [JsonPropertyName("outcome")] public required string Outcome { get; init; }

    /// <summary>The first line of the error the caller was given.</summary>
    [JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; init; }

    [JsonPropertyName("durationMs")] public double DurationMs { get; init; }

    [JsonPropertyName("resultChars")] public int ResultChars { get; init; }
}
