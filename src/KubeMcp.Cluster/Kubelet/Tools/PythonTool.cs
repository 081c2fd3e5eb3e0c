using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary>
/// <c>python</c>/<c>python3</c>: the REPL without a terminal (exits 0), <c>-V</c>, <c>-m http.server</c>, and
/// <c>-c</c> or script files in the simple subset <see cref="MiniPython"/> understands. Standard output is block
/// buffered unless <c>-u</c> or <c>PYTHONUNBUFFERED</c> is set — as in a real container, where a server's prints
/// never reach the log until it flushes.
/// </summary>
internal static class PythonTool
{
    public static int Run(ProcessContext p)
    {
        var args = p.Args;
        var unbuffered = !string.IsNullOrEmpty(p.GetEnv("PYTHONUNBUFFERED"));
        var index = 0;
        for (; index < args.Count && args[index].StartsWith('-') && args[index].Length > 1; index++)
        {
            var arg = args[index];
            if (arg is "-V" or "--version")
            {
                p.Print($"Python {Version(p)}\n");
                return 0;
            }
            if (arg is "-c" or "-m")
            {
                break;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            if (arg.Contains('u'))
            {
                unbuffered = true;
            }
            if (arg.EndsWith('c') || arg.EndsWith('m'))
            {
                args = [.. args.Take(index), "-" + arg[^1], .. args.Skip(index + 1)];
                break;
            }
        }
        p.Machine.Trace.SetMemory(p.Clock, p.Machine.Trace.Memory + 9 * 1024 * 1024);
        if (index < args.Count && args[index] == "-c")
        {
            if (index + 1 >= args.Count)
            {
                p.Error("Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n");
                return 2;
            }
            return new MiniPython(p, "<string>", unbuffered).Run(args[index + 1]);
        }
        if (index < args.Count && args[index] == "-m")
        {
            var module = index + 1 < args.Count ? args[index + 1] : "";
            return module == "http.server"
                ? HttpServer(p, [.. args.Skip(index + 2)], unbuffered)
                : throw new NotUnderstoodException(p.Name, $"python -m {module} is not simulated");
        }
        if (index < args.Count)
        {
            var path = p.Resolve(args[index]);
            var content = p.Machine.Files.Read(path);
            if (content is null || p.Machine.Files.IsDirectory(path))
            {
                p.Error($"{p.Name}: can't open file '{path}': [Errno 2] No such file or directory\n");
                return 2;
            }
            return new MiniPython(p, path, unbuffered).Run(content);
        }
        // An interactive interpreter with no terminal reads its (closed) stdin and exits.
        var stdin = p.IO.Stdin?.ReadToEnd();
        return string.IsNullOrWhiteSpace(stdin) ? 0 : new MiniPython(p, "<stdin>", unbuffered).Run(stdin);
    }

    private static string Version(ProcessContext p)
    {
        var image = p.Container.Program.Image;
        return image.Reference.Repository.EndsWith("/python", StringComparison.Ordinal) && image.Version.Length > 0 ? image.Version : "3.11.2";
    }

    private static int HttpServer(ProcessContext p, IReadOnlyList<string> args, bool unbuffered)
    {
        var port = args.FirstOrDefault(a => a.All(char.IsAsciiDigit) && a.Length > 0) ?? "8000";
        var line = $"Serving HTTP on :: port {port} (http://[::]:{port}/) ...\n";
        if (unbuffered)
        {
            p.Print(line);
        }
        var machine = p.Machine;
        machine.Trace.SetMemory(p.Clock + TimeSpan.FromMilliseconds(200), machine.Trace.Memory + 6 * 1024 * 1024);
        if (machine.Depth == 0 && machine.Mode == ExecutionMode.Container && int.TryParse(port, out var number))
        {
            machine.Trace.Ports.Add(number);
            machine.Trace.ReadyAt ??= p.Clock + TimeSpan.FromMilliseconds(200);
        }
        throw machine.RunsForever(p.Name);
    }
}
