using System.Globalization;
using System.Text;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary>File and text-stream tools over the container's simulated files.</summary>
internal static class FileTools
{
    public static int Cat(ProcessContext p)
    {
        var (_, files) = ProgramTools.Options(p.Args);
        if (files.Count == 0)
        {
            p.Print(p.IO.Stdin?.ReadToEnd() ?? "");
            return 0;
        }
        var status = 0;
        foreach (var file in files)
        {
            if (file == "-")
            {
                p.Print(p.IO.Stdin?.ReadToEnd() ?? "");
                continue;
            }
            var path = p.Resolve(file);
            if (p.Machine.Files.IsDirectory(path))
            {
                p.Error(p.IsBusybox() ? "cat: read error: Is a directory\n" : $"cat: {file}: Is a directory\n");
                status = 1;
                continue;
            }
            var content = p.Machine.Files.Read(path);
            if (content is null)
            {
                p.Error(p.IsBusybox() ? $"cat: can't open '{file}': No such file or directory\n" : $"cat: {file}: No such file or directory\n");
                status = 1;
                continue;
            }
            p.Print(content);
        }
        return status;
    }

    public static int Head(ProcessContext p) => HeadTail(p, head: true);

    public static int Tail(ProcessContext p) => HeadTail(p, head: false);

    private static int HeadTail(ProcessContext p, bool head)
    {
        var count = 10;
        var fromStart = false;
        var follow = false;
        var files = new List<string>();
        var args = p.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-n" && i + 1 < args.Count)
            {
                var value = args[++i];
                fromStart = value.StartsWith('+');
                count = int.TryParse(value.TrimStart('+', '-'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 10;
            }
            else if (arg.StartsWith("-n", StringComparison.Ordinal) && arg.Length > 2)
            {
                count = int.TryParse(arg[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 10;
            }
            else if (arg is "-f" or "-F" or "--follow")
            {
                follow = true;
            }
            else if (arg.Length > 1 && arg[0] == '-' && arg[1..].All(char.IsAsciiDigit))
            {
                count = int.Parse(arg[1..], CultureInfo.InvariantCulture);
            }
            else if (!arg.StartsWith('-') || arg == "-")
            {
                files.Add(arg);
            }
        }
        var name = head ? "head" : "tail";
        var status = 0;
        var sources = files.Count == 0 ? [("-", p.IO.Stdin?.ReadToEnd() ?? "")] : new List<(string, string)>();
        foreach (var file in files)
        {
            var content = file == "-" ? p.IO.Stdin?.ReadToEnd() ?? "" : p.Machine.Files.Read(p.Resolve(file));
            if (content is null)
            {
                p.Error(p.IsBusybox() ? $"{name}: can't open '{file}': No such file or directory\n" : $"{name}: cannot open '{file}' for reading: No such file or directory\n");
                status = 1;
                continue;
            }
            sources.Add((file, content));
        }
        foreach (var (file, content) in sources)
        {
            if (sources.Count > 1)
            {
                p.Print($"==> {file} <==\n");
            }
            var lines = SplitLines(content);
            var selected = head ? lines.Take(count) : fromStart ? lines.Skip(Math.Max(0, count - 1)) : lines.Skip(Math.Max(0, lines.Count - count));
            p.Print(string.Concat(selected.Select(l => l + "\n")));
        }
        if (follow && !head)
        {
            throw p.Machine.RunsForever("tail");
        }
        return status;
    }

    internal static List<string> SplitLines(string content)
    {
        var lines = content.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    public static int Wc(ProcessContext p)
    {
        var (flags, files) = ProgramTools.Options(p.Args);
        if (flags.Count == 0)
        {
            flags = ['l', 'w', 'c'];
        }
        string Counts(string text)
        {
            var values = new List<long>();
            if (flags.Contains('l'))
            {
                values.Add(text.Count(c => c == '\n'));
            }
            if (flags.Contains('w'))
            {
                values.Add(text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length);
            }
            if (flags.Contains('c') || flags.Contains('m'))
            {
                values.Add(Encoding.UTF8.GetByteCount(text));
            }
            return values.Count == 1
                ? values[0].ToString(CultureInfo.InvariantCulture)
                : string.Join(' ', values.Select(v => v.ToString(CultureInfo.InvariantCulture).PadLeft(7)));
        }
        if (files.Count == 0)
        {
            p.Print(Counts(p.IO.Stdin?.ReadToEnd() ?? "") + "\n");
            return 0;
        }
        var status = 0;
        foreach (var file in files)
        {
            var content = p.Machine.Files.Read(p.Resolve(file));
            if (content is null)
            {
                p.Error(p.IsBusybox() ? $"wc: can't open '{file}': No such file or directory\n" : $"wc: {file}: No such file or directory\n");
                status = 1;
                continue;
            }
            p.Print($"{Counts(content)} {file}\n");
        }
        return status;
    }

    public static int Tee(ProcessContext p)
    {
        var (flags, files) = ProgramTools.Options(p.Args);
        var input = p.IO.Stdin?.ReadToEnd() ?? "";
        var status = 0;
        foreach (var file in files)
        {
            if (p.Machine.Files.Write(p.Resolve(file), input, flags.Contains('a')) is { } error)
            {
                p.Error($"tee: {file}: {Reason(error)}\n");
                status = 1;
            }
        }
        p.Print(input);
        return status;
    }

    public static int Touch(ProcessContext p)
    {
        var (_, files) = ProgramTools.Options(p.Args);
        var status = 0;
        foreach (var file in files)
        {
            var path = p.Resolve(file);
            if (p.Machine.Files.IsFile(path) || p.Machine.Files.IsDirectory(path))
            {
                continue;
            }
            if (p.Machine.Files.Write(path, "", append: true) is { } error)
            {
                p.Error(p.IsBusybox() ? $"touch: {file}: {Reason(error)}\n" : $"touch: cannot touch '{file}': {Reason(error)}\n");
                status = 1;
            }
        }
        return status;
    }

    public static int Mkdir(ProcessContext p)
    {
        var (flags, dirs) = ProgramTools.Options(p.Args);
        var status = 0;
        foreach (var dir in dirs)
        {
            if (p.Machine.Files.CreateDirectory(p.Resolve(dir), flags.Contains('p')) is { } error)
            {
                p.Error(p.IsBusybox() ? $"mkdir: can't create directory '{dir}': {error}\n" : $"mkdir: cannot create directory '{dir}': {error}\n");
                status = 1;
            }
        }
        return status;
    }

    public static int Rm(ProcessContext p)
    {
        var (flags, files) = ProgramTools.Options(p.Args);
        var status = 0;
        foreach (var file in files)
        {
            var path = p.Resolve(file);
            if (p.Machine.Files.IsDirectory(path) && (flags.Contains('r') || flags.Contains('R')))
            {
                continue;
            }
            if (p.Machine.Files.Delete(path) is { } error && !flags.Contains('f'))
            {
                p.Error(p.IsBusybox() ? $"rm: can't remove '{file}': {error}\n" : $"rm: cannot remove '{file}': {error}\n");
                status = 1;
            }
        }
        return status;
    }

    public static int Basename(ProcessContext p)
    {
        if (p.Args.Count == 0)
        {
            p.Error("basename: missing operand\n");
            return 1;
        }
        var name = p.Args[0].TrimEnd('/');
        name = name.Length == 0 ? "/" : name[(name.LastIndexOf('/') + 1)..];
        if (p.Args.Count > 1 && name.EndsWith(p.Args[1], StringComparison.Ordinal) && name != p.Args[1])
        {
            name = name[..^p.Args[1].Length];
        }
        p.Print(name + "\n");
        return 0;
    }

    public static int Dirname(ProcessContext p)
    {
        if (p.Args.Count == 0)
        {
            p.Error("dirname: missing operand\n");
            return 1;
        }
        var path = p.Args[0].TrimEnd('/');
        var slash = path.LastIndexOf('/');
        p.Print((slash < 0 ? "." : slash == 0 ? "/" : path[..slash]) + "\n");
        return 0;
    }

    private static string Reason(string error) => error == "nonexistent directory" ? "No such file or directory" : error;
}
