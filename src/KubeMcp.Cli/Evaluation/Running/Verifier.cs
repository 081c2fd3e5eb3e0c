using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Evaluation.Reporting;
using KubeMcp.Cli.Evaluation.Tasks;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>
/// Decides a run: the answer assertions at once; the state assertions re-checked as the virtual clock moves on in
/// steps until they all hold at one moment or <see cref="TaskVerification.Within"/> has passed; then the script.
/// </summary>
internal sealed class Verifier(ClusterClient client, VirtualClock clock)
{
    /// <summary>How far the clock moves between two looks at the state.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<CheckResult>> VerifyAsync(
        EvalTask task, AgentTranscript transcript, ScriptEnvironment scripts, CancellationToken ct)
    {
        var checks = new List<CheckResult>();
        if (task.Verify.Answer is { } answer)
        {
            var problem = answer.Check(transcript.FinalAnswer);
            checks.Add(new CheckResult("answer", problem is null, problem ?? "the answer says what it must"));
        }
        if (task.Verify.State.Count > 0)
        {
            checks.AddRange(await StateAsync(task.Verify, ct).ConfigureAwait(false));
        }
        if (task.Verify.Script is { } script)
        {
            var (code, output) = await ScriptRunner.RunAsync(script, scripts, clock, ct).ConfigureAwait(false);
            checks.Add(new CheckResult(Path.GetFileName(script), code == 0,
                code == 0 ? "exited 0" : $"exited {code}{(output.Length == 0 ? "" : ": " + LastLines(output))}"));
        }
        return checks;
    }

    private async Task<IReadOnlyList<CheckResult>> StateAsync(TaskVerification verify, CancellationToken ct)
    {
        var checker = new StateChecker(client);
        var deadline = clock.Now + verify.Within;
        while (true)
        {
            await clock.SettleAsync(ct).ConfigureAwait(false);
            var results = new List<CheckResult>();
            foreach (var assertion in verify.State)
            {
                results.Add(await checker.CheckAsync(assertion, ct).ConfigureAwait(false));
            }
            if (results.All(r => r.Passed) || clock.Now >= deadline)
            {
                return results;
            }
            await clock.AdvanceAsync(Poll, ct, Poll).ConfigureAwait(false);
        }
    }

    private static string LastLines(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", lines.TakeLast(3)).Trim();
    }
}
