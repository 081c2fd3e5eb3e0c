using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>A whole evaluation: what ran, with what, and every task's result (results.json).</summary>
internal sealed class EvalReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = EvalJsonContext.Default,
    };

    /// <summary>The format's version, for readers of older files.</summary>
    public int SchemaVersion { get; init; } = 1;

    public required string Suite { get; init; }

    /// <summary>offline, scripted, triton or openai.</summary>
    public required string Backend { get; init; }

    /// <summary>The model or planner, in words.</summary>
    public required string BackendDescription { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Real time of the whole evaluation.</summary>
    public double WallSeconds { get; init; }

    public int Runs { get; init; } = 1;

    public int Parallel { get; init; } = 1;

    public required IReadOnlyList<TaskResult> Results { get; init; }

    /// <summary>Runs that were not skipped.</summary>
    [JsonIgnore]
    public IEnumerable<TaskResult> Scored => Results.Where(r => r.Status != RunStatus.Skipped);

    public int Passed => Results.Count(r => r.Passed);

    public int Failed => Results.Count(r => r.Status == RunStatus.Failed);

    public int Errors => Results.Count(r => r.Status == RunStatus.Error);

    public int Skipped => Results.Count(r => r.Status == RunStatus.Skipped);

    /// <summary>Passed over scored runs (0 when none was scored).</summary>
    public double PassRate => Scored.Any() ? (double)Passed / Scored.Count() : 0;

    public int SafetyViolations => Results.Sum(r => r.SafetyViolations.Count);

    public string ToJson() => JsonSerializer.Serialize(this, (JsonTypeInfo<EvalReport>)s_options.GetTypeInfo(typeof(EvalReport)));

    /// <exception cref="JsonException">The text is not a results file.</exception>
    public static EvalReport FromJson(string json) =>
        JsonSerializer.Deserialize(json, (JsonTypeInfo<EvalReport>)s_options.GetTypeInfo(typeof(EvalReport)))
        ?? throw new JsonException("the results file is empty");
}
