using System.Diagnostics;
using System.Text;
using KubeMcp.Server.Kubernetes;
using KubeMcp.Server.Tools;

namespace KubeMcp.Server.Helm;

/// <summary>Runs the helm binary against the server's kubeconfig and context, so releases are real Helm releases.</summary>
internal sealed class HelmRunner(KubeMcpServerOptions options, ClusterConnections connections)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs helm with <paramref name="args"/> for <paramref name="context"/>; a non-zero exit becomes a <see cref="ToolFailedException"/>.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> args, string? context, CancellationToken ct)
    {
        var helm = FindHelm() ?? throw new ToolFailedException(
            "the helm binary was not found (looked at the configured helm path, PATH and $KUBEMCP_VALIDATORS/helm); " +
            "install it — in this repository `eng/install-validators.sh` installs a pinned helm into .validators/bin.");
        var psi = new ProcessStartInfo(helm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        if (connections.KubeconfigFile is { } kubeconfig)
        {
            psi.ArgumentList.Add("--kubeconfig");
            psi.ArgumentList.Add(kubeconfig);
            psi.ArgumentList.Add("--kube-context");
            psi.ArgumentList.Add(string.IsNullOrEmpty(context) ? connections.DefaultContext : context);
        }
        using var process = Process.Start(psi) ?? throw new ToolFailedException($"could not start {helm}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }
            throw new ToolFailedException($"helm {args[0]} did not finish within {Timeout.TotalMinutes:0} minutes and was stopped");
        }
        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            var message = Clean(errors.Length > 0 ? errors : output);
            throw new ToolFailedException($"helm {args[0]} failed: {message}");
        }
        return output;
    }

    private string? FindHelm()
    {
        if (!string.IsNullOrEmpty(options.HelmPath))
        {
            return File.Exists(options.HelmPath) ? options.HelmPath : null;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "helm");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        var validators = Environment.GetEnvironmentVariable("KUBEMCP_VALIDATORS");
        if (!string.IsNullOrEmpty(validators) && File.Exists(Path.Combine(validators, "helm")))
        {
            return Path.Combine(validators, "helm");
        }
        return null;
    }

    private static string Clean(string text)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            // helm warns about group-readable kubeconfigs; that is noise for the caller.
            if (line.StartsWith("WARNING: Kubernetes configuration file is", StringComparison.Ordinal))
            {
                continue;
            }
            sb.Append(line.StartsWith("Error: ", StringComparison.Ordinal) ? line["Error: ".Length..] : line).Append('\n');
        }
        var result = sb.ToString().Trim();
        return result.Length > 2000 ? result[..2000] + " …" : result;
    }
}
