using System.Text.RegularExpressions;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary>
/// <c>node</c>: the REPL without a terminal (exits 0), <c>--version</c>, <c>-e</c> scripts made of
/// <c>console.log</c>/<c>console.error</c>, <c>process.exit</c> and keep-alive timers, and the real error for a
/// script that does not exist. Applications (<c>node server.js</c>) are not interpreted.
/// </summary>
internal static partial class NodeTool
{
    public static int Run(ProcessContext p)
    {
        var args = p.Args;
        var version = Version(p);
        p.Machine.Trace.SetMemory(p.Clock, p.Machine.Trace.Memory + 40 * 1024 * 1024);
        if (args.Count == 0)
        {
            return 0;
        }
        if (args[0] is "-v" or "--version")
        {
            p.Print($"v{version}\n");
            return 0;
        }
        if (args[0] is "-e" or "--eval" or "-p" or "--print")
        {
            return args.Count > 1 ? Eval(p, args[1]) : 9;
        }
        if (args[0].StartsWith('-'))
        {
            throw new NotUnderstoodException(p.Name, $"node {args[0]} is not simulated");
        }
        var path = p.Resolve(args[0]);
        if (p.Machine.Files.Read(path) is null && p.Machine.Files.Read(path + ".js") is null)
        {
            p.Error("node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\n" +
                    $"Error: Cannot find module '{path}'\n" +
                    "    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n" +
                    "    at Module._load (node:internal/modules/cjs/loader:1051:27)\n" +
                    "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n" +
                    "    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\n" +
                    $"Node.js v{version}\n");
            return 1;
        }
        throw new NotUnderstoodException(p.Name, $"the Node.js application {args[0]} is not simulated");
    }

    private static string Version(ProcessContext p)
    {
        var image = p.Container.Program.Image;
        return image.Reference.Repository.EndsWith("/node", StringComparison.Ordinal) && image.Version.Length > 0 ? image.Version : "22.16.0";
    }

    private static int Eval(ProcessContext p, string code)
    {
        var keepAlive = false;
        foreach (var raw in code.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            p.Machine.Step();
            if (Log().Match(raw) is { Success: true } log)
            {
                var text = Literal(log.Groups[2].Value.Trim()) ?? throw Unknown(p, raw);
                if (log.Groups[1].Value == "log" || log.Groups[1].Value == "info")
                {
                    p.Print(text + "\n");
                }
                else
                {
                    p.Error(text + "\n");
                }
            }
            else if (Exit().Match(raw) is { Success: true } exit)
            {
                return exit.Groups[1].Success && int.TryParse(exit.Groups[1].Value, out var status) ? status & 0xFF : 0;
            }
            else if (KeepAlive().IsMatch(raw))
            {
                keepAlive = true;
            }
            else
            {
                throw Unknown(p, raw);
            }
        }
        return keepAlive ? throw p.Machine.RunsForever(p.Name) : 0;
    }

    private static string? Literal(string text) =>
        text.Length >= 2 && text[0] == text[^1] && text[0] is '\'' or '"' or '`' && !(text[0] == '`' && text.Contains("${", StringComparison.Ordinal))
            ? Shell.EchoCommand.Unescape(text[1..^1], octalNeedsZero: false).Text
            : null;

    private static NotUnderstoodException Unknown(ProcessContext p, string statement) =>
        new(p.Name, $"the JavaScript '{(statement.Length > 60 ? statement[..57] + "..." : statement)}' is not simulated");

    [GeneratedRegex(@"^console\.(log|info|error|warn)\((.*)\)$")]
    private static partial Regex Log();

    [GeneratedRegex(@"^process\.exit\((\d*)\)$")]
    private static partial Regex Exit();

    [GeneratedRegex(@"^setInterval\(\s*(?:\(\)\s*=>\s*\{\s*\}|function\s*\(\)\s*\{\s*\})\s*,\s*\d+\s*\)$")]
    private static partial Regex KeepAlive();
}
