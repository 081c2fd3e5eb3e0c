using System.Globalization;
using KubeMcp.Agent.Events;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using Spectre.Console;

namespace KubeMcp.Cli.Agent;

/// <summary>
/// Prints an agent run as a person follows it: each step's tool calls
/// (<c>Step 2: pods_log(name=app-xyz, namespace=production, tail=50)</c>) with a one-line result under each, a spinner
/// while the model thinks, approvals and retries as they happen, then the final answer and the totals.
/// </summary>
/// <remarks>
/// The spinner runs only on an interactive terminal and only while a model call is in flight, so it never competes
/// with an approval prompt (approvals happen between model calls).
/// </remarks>
internal sealed class AgentConsoleRenderer : IAgentObserver
{
    private readonly IAnsiConsole _console;
    private readonly bool _spinner;
    private int _lastStepPrinted;
    private int _toolCalls;
    private long _inputTokens;
    private long _outputTokens;
    private bool _estimated;
    private DateTimeOffset? _started;
    private TaskCompletionSource? _thinkingDone;
    private Task? _thinking;

    /// <summary>Renders to <paramref name="console"/>; <paramref name="showSpinner"/> only matters on an interactive terminal.</summary>
    public AgentConsoleRenderer(IAnsiConsole console, bool showSpinner = true)
    {
        _console = console;
        _spinner = showSpinner && console.Profile.Capabilities.Interactive;
    }

    /// <summary>Prints what is about to run and on which back-end.</summary>
    public void WriteHeader(string task, string backend)
    {
        _console.MarkupLine($"[bold]Task:[/] {Markup.Escape(task)}");
        _console.MarkupLine($"[grey]Model: {Markup.Escape(backend)}[/]");
    }

    /// <inheritdoc />
    public void OnEvent(AgentEvent agentEvent)
    {
        _started ??= agentEvent.Timestamp;
        switch (agentEvent)
        {
            case ModelCallStarted e:
                StartThinking(e.Step);
                break;
            case ModelCallCompleted e:
                StopThinking();
                _inputTokens += e.InputTokens;
                _outputTokens += e.OutputTokens;
                _estimated |= e.TokensEstimated;
                break;
            case ToolCallStarted e:
                WriteCall(e.Step, ToolCallFormatter.Format(e.ToolName, e.Arguments));
                break;
            case ToolCallCompleted e:
                _toolCalls++;
                var colour = e.IsError ? "red" : "grey";
                var outcome = e.Outcome is ToolCallOutcome.Succeeded or ToolCallOutcome.Failed ? "" : $"{e.Outcome}: ";
                _console.MarkupLine($"{Indent}[{colour}]└─ {Markup.Escape(outcome + e.Summary)} ({Duration(e.Duration)})[/]");
                break;
            case ApprovalAnswered e:
                _console.MarkupLine(e.Approved
                    ? $"{Indent}[green]✔ approved[/] [grey]({Markup.Escape(e.Reason)})[/]"
                    : $"{Indent}[yellow]✘ refused[/] [grey]({Markup.Escape(e.Reason)})[/]");
                break;
            case RetryScheduled e:
                StopThinking();
                _console.MarkupLine($"{Indent}[yellow]↻ {Markup.Escape(e.Operation)} failed (attempt {e.Attempt}): {Markup.Escape(e.Reason)}; retrying in {Duration(e.Delay)}[/]");
                break;
            case ToolCallParseFailed e:
                _console.MarkupLine($"{Indent}[yellow]⚠ {e.Errors.Count} tool call(s) could not be read; the model was asked to rewrite them[/]");
                break;
            case ContextCompacted e:
                _console.MarkupLine($"{Indent}[grey]· context trimmed to fit the model's window: {e.TokensBefore:N0} → {e.TokensAfter:N0} tokens[/]");
                break;
            case AgentFinished e:
                StopThinking();
                WriteFinish(e);
                break;
        }
    }

    private string Indent => new(' ', $"Step {Math.Max(_lastStepPrinted, 1)}: ".Length);

    private void WriteCall(int step, string call)
    {
        if (step != _lastStepPrinted)
        {
            _lastStepPrinted = step;
            _console.MarkupLine($"[bold]Step {step}:[/] {Markup.Escape(call)}");
        }
        else
        {
            _console.MarkupLine($"{Indent}{Markup.Escape(call)}");
        }
    }

    private void WriteFinish(AgentFinished e)
    {
        _console.WriteLine();
        if (e.FinalAnswer is { Length: > 0 } answer)
        {
            _console.Write(new Panel(new Text(answer)) { Header = new PanelHeader("Answer"), Border = BoxBorder.Rounded, Expand = true });
        }

        if (e.Reason is { Length: > 0 } reason && e.Outcome != AgentOutcome.Completed)
        {
            _console.MarkupLine($"[yellow]{Markup.Escape(reason)}[/]");
        }

        var colour = e.Outcome == AgentOutcome.Completed ? "green" : "yellow";
        var elapsed = _started is { } start ? e.Timestamp - start : TimeSpan.Zero;
        var tokens = $"{(_inputTokens + _outputTokens).ToString("N0", CultureInfo.InvariantCulture)} tokens{(_estimated ? " (estimated)" : "")}";
        _console.MarkupLine($"[{colour}]{e.Outcome}[/] · {e.Step} steps · {_toolCalls} tool calls · {tokens} · {Duration(elapsed)}");
    }

    private void StartThinking(int step)
    {
        if (!_spinner)
        {
            return;
        }

        _thinkingDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = _thinkingDone.Task;
        _thinking = _console.Status().Spinner(Spinner.Known.Dots).StartAsync($"Step {step}: thinking…", _ => done);
    }

    private void StopThinking()
    {
        if (_thinkingDone is null)
        {
            return;
        }

        _thinkingDone.TrySetResult();
        _thinking?.GetAwaiter().GetResult(); // the live display must be gone before the next line is printed
        _thinkingDone = null;
        _thinking = null;
    }

    private static string Duration(TimeSpan duration) => duration.TotalSeconds >= 1
        ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
