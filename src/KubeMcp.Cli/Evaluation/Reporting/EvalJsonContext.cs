using System.Text.Json.Serialization;

namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>Source-generated serialisation of results.json.</summary>
[JsonSerializable(typeof(EvalReport))]
internal sealed partial class EvalJsonContext : JsonSerializerContext;
