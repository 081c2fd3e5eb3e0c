using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KubeMcp.Agent.Events;

/// <summary>
/// The agent's audit trail: every event of the loop (steps, model calls, tool calls with their arguments,
/// approvals asked and answered, retries, the end) as one JSON line, written and flushed before the loop goes on.
/// Argument values whose names look like credentials are replaced with <c>REDACTED</c>.
/// </summary>
public sealed partial class JsonLinesAgentObserver : IAgentObserver, IDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly string? _runId;
    private readonly Lock _lock = new();

    /// <summary>Appends to the file at <paramref name="path"/> (created with owner-only permissions).</summary>
    public JsonLinesAgentObserver(string path, string? runId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        _writer = new StreamWriter(stream, new UTF8Encoding(false));
        _ownsWriter = true;
        _runId = runId;
    }

    /// <summary>Writes to <paramref name="writer"/>, which the caller keeps owning.</summary>
    public JsonLinesAgentObserver(TextWriter writer, string? runId = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _runId = runId;
    }

    /// <inheritdoc />
    public void OnEvent(AgentEvent agentEvent)
    {
        ArgumentNullException.ThrowIfNull(agentEvent);
        var line = ToJson(agentEvent);
        if (_runId is not null)
        {
            line["run"] = _runId;
        }
        lock (_lock)
        {
            _writer.Write(line.ToJsonString());
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsWriter)
        {
            _writer.Dispose();
        }
    }

    internal static JsonObject ToJson(AgentEvent e)
    {
        var o = new JsonObject
        {
            ["time"] = e.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["event"] = e.GetType().Name,
            ["step"] = e.Step,
        };
        switch (e)
        {
            case StepStarted s:
                o["maxSteps"] = s.MaxSteps;
                break;
            case ModelCallCompleted m:
                o["latencyMs"] = Math.Round(m.Latency.TotalMilliseconds, 1);
                o["inputTokens"] = m.InputTokens;
                o["outputTokens"] = m.OutputTokens;
                o["toolCalls"] = m.ToolCalls;
                o["model"] = m.ModelId;
                break;
            case ToolCallStarted t:
                o["callId"] = t.CallId;
                o["tool"] = t.ToolName;
                o["arguments"] = Redact(t.Arguments);
                break;
            case ToolCallCompleted t:
                o["callId"] = t.CallId;
                o["tool"] = t.ToolName;
                o["arguments"] = Redact(t.Arguments);
                o["outcome"] = t.Outcome.ToString();
                o["isError"] = t.IsError;
                o["durationMs"] = Math.Round(t.Duration.TotalMilliseconds, 1);
                o["summary"] = t.Summary;
                break;
            case ApprovalRequested a:
                o["tool"] = a.ToolName;
                o["arguments"] = Redact(a.Arguments);
                break;
            case ApprovalAnswered a:
                o["tool"] = a.ToolName;
                o["approved"] = a.Approved;
                o["reason"] = a.Reason;
                break;
            case RetryScheduled r:
                o["operation"] = r.Operation;
                o["attempt"] = r.Attempt;
                o["delayMs"] = Math.Round(r.Delay.TotalMilliseconds, 1);
                o["reason"] = r.Reason;
                break;
            case ToolCallParseFailed p:
                o["errors"] = new JsonArray(p.Errors.Select(x => (JsonNode?)x).ToArray());
                break;
            case AgentFinished f:
                o["outcome"] = f.Outcome.ToString();
                o["reason"] = f.Reason;
                break;
        }
        return o;
    }

    private static JsonObject Redact(JsonObject arguments)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in arguments)
        {
            copy[key] = SensitiveName().IsMatch(key) ? "REDACTED" : value?.DeepClone();
        }
        return copy;
    }

    [GeneratedRegex("(?i)(password|passwd|token|secret|credential|private[_-]?key|api[_-]?key)")]
    private static partial Regex SensitiveName();
}
