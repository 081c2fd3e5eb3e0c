using System.Text;
using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// <c>kubectl exec -it POD -- sh</c>: a line-at-a-time terminal session over the exec channels. Keystrokes are
/// echoed and edited as a terminal would; each entered line runs as its own simulated <c>sh -c</c> in the current
/// directory. Only the directory carries over between lines (variables set on one line are gone on the next).
/// </summary>
internal sealed class InteractiveShell(ExecChannels channels, ContainerInstance instance, TimeProvider clock)
{
    private readonly StringBuilder _line = new();
    private string _cwd = "/";
    private string _shell = "sh";
    private int _status;
    private bool _escape;

    /// <summary>A shell started without a script: <c>sh</c>, <c>bash -l</c>, <c>/bin/ash -i</c>.</summary>
    public static bool Accepts(IReadOnlyList<string> command) =>
        command.Count is 1 or 2
        && Path.GetFileName(command[0]) is "sh" or "bash" or "ash" or "dash"
        && (command.Count == 1 || command[1] is "-i" or "-l" or "--login");

    public async Task RunAsync(IReadOnlyList<string> command, CancellationToken ct)
    {
        _shell = command[0];
        var probe = Run("id -u; whoami 2>/dev/null || echo 'I have no name!'; pwd");
        if (probe.Stderr.StartsWith("OCI runtime exec failed", StringComparison.Ordinal))
        {
            await Output(probe.Stderr, ct);
            await channels.WriteStatusAsync(ExecChannels.ExitStatus(probe.ExitCode, command), ct);
            return;
        }
        var facts = probe.Stdout.Split('\n');
        var prompt = PromptFactory(facts.ElementAtOrDefault(0) == "0", facts.ElementAtOrDefault(1) ?? "root");
        _cwd = facts.ElementAtOrDefault(2) is { Length: > 0 } cwd ? cwd : "/";
        await Output(prompt(_cwd), ct);
        while (await channels.ReadAsync(ct) is { } message)
        {
            var (channel, payload) = message;
            if (channel == ExecChannels.Close && payload is [ExecChannels.Stdin, ..])
            {
                break;
            }
            if (channel != ExecChannels.Stdin)
            {
                continue;
            }
            var echo = new StringBuilder();
            foreach (var c in Encoding.UTF8.GetString(payload))
            {
                if (await KeyAsync(c, echo, prompt, ct))
                {
                    await Output(echo.ToString(), ct);
                    await channels.WriteStatusAsync(ExecChannels.ExitStatus(_status, command), ct);
                    return;
                }
            }
            await Output(echo.ToString(), ct);
        }
        await channels.WriteStatusAsync(ExecChannels.ExitStatus(_status, command), ct);
    }

    /// <summary>Handles one keystroke; true when the session ends.</summary>
    private async Task<bool> KeyAsync(char c, StringBuilder echo, Func<string, string> prompt, CancellationToken ct)
    {
        if (_escape)
        {
            // Arrow keys and the like (ESC [ X): history and cursor movement are not simulated.
            _escape = c is '[' or 'O' || (c is >= '0' and <= '9') || c == ';';
            return false;
        }
        switch (c)
        {
            case '\u001b':
                _escape = true;
                return false;
            case '\r' or '\n':
                echo.Append("\r\n");
                var text = _line.ToString().Trim();
                _line.Clear();
                if (text == "exit" || text.StartsWith("exit ", StringComparison.Ordinal))
                {
                    _status = int.TryParse(text[4..].Trim(), out var code) ? code & 0xFF : _status;
                    return true;
                }
                if (text.Length > 0)
                {
                    await Output(echo.ToString(), ct);
                    echo.Clear();
                    Execute(text, echo);
                }
                echo.Append(prompt(_cwd));
                return false;
            case '\u0004' when _line.Length == 0:
                echo.Append("exit\r\n");
                return true;
            case '\u0003':
                _line.Clear();
                _status = 130;
                echo.Append("^C\r\n").Append(prompt(_cwd));
                return false;
            case '\u007f' or '\b':
                if (_line.Length > 0)
                {
                    _line.Length--;
                    echo.Append("\b \b");
                }
                return false;
            default:
                if (!char.IsControl(c))
                {
                    _line.Append(c);
                    echo.Append(c);
                }
                return false;
        }
    }

    private void Execute(string text, StringBuilder echo)
    {
        var result = Run($"cd {Quote(_cwd)} 2>/dev/null; {text}");
        echo.Append((result.Stdout + result.Stderr).ReplaceLineEndings("\r\n"));
        _status = result.ExitCode;
        if (result.ExitCode == 0 && (text == "cd" || text.StartsWith("cd ", StringComparison.Ordinal)))
        {
            var moved = Run($"cd {Quote(_cwd)} 2>/dev/null; {text} >/dev/null 2>&1; pwd").Stdout.Trim();
            _cwd = moved.Length > 0 ? moved : _cwd;
        }
    }

    private ExecResult Run(string script) =>
        ExecInterpreter.Execute(instance.Program, instance.Run, [_shell, "-c", script], instance.ElapsedAt(clock.GetUtcNow()));

    private Func<string, string> PromptFactory(bool root, string user)
    {
        var sigil = root ? '#' : '$';
        var dialect = Path.GetFileName(_shell) switch
        {
            "bash" => ShellDialect.Bash,
            "ash" => ShellDialect.Ash,
            "dash" => ShellDialect.Dash,
            _ => instance.Program.Image.Variant.Os.Sh,
        };
        return dialect switch
        {
            ShellDialect.Bash => cwd => $"{user}@{instance.Program.PodName}:{cwd}{sigil} ",
            ShellDialect.Ash => cwd => $"{cwd} {sigil} ",
            _ => _ => $"{sigil} ",
        };
    }

    private Task Output(string text, CancellationToken ct) =>
        text.Length == 0 ? Task.CompletedTask : channels.WriteAsync(ExecChannels.Stdout, text, ct);

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
