using System.Diagnostics;
using System.Text;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>
/// Runs a task's shell script (setup.sh, verify.sh, cleanup.sh) with bash, in the task folder, with KUBECONFIG
/// pointing at the task's cluster, while the virtual clock keeps moving (so <c>kubectl wait</c> and <c>sleep</c>
/// see the cluster progress).
/// </summary>
internal static class ScriptRunner
{
    /// <summary>Real time one script may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string script, ScriptEnvironment environment, VirtualClock clock, CancellationToken ct)
    {
        var info = new ProcessStartInfo("bash", [script])
        {
            WorkingDirectory = environment.TaskDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["KUBECONFIG"] = environment.Kubeconfig;
        info.Environment["TASK_DIR"] = environment.TaskDirectory;
        info.Environment["TASK_OUTPUT"] = environment.OutputDirectory;
        if (environment.ExtraPath is { } extra)
        {
            info.Environment["PATH"] = extra + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EvalException($"cannot run {Path.GetFileName(script)} with bash: {e.Message}", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        // 20x real time: a script's 30-second wait passes in 1.5 seconds.
        await using (clock.Run(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested)
                {
                    throw;
                }
                return (-1, Tail(output) + $"\n(killed after {Timeout.TotalSeconds:0} s)");
            }
        }
        process.WaitForExit();
        return (process.ExitCode, Tail(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString().TrimEnd();
            return text.Length <= 2000 ? text : "…" + text[^2000..];
        }
    }
}
