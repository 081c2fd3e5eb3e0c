using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
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

    public static int Ls(ProcessContext p)
    {
        var (flags, operands) = ProgramTools.Options(p.Args);
        var files = p.Machine.Files;
        var all = flags.Contains('a');
        var almostAll = flags.Contains('A');
        var longFormat = flags.Contains('l');
        if (operands.Count == 0)
        {
            operands.Add(".");
        }
        var status = 0;
        var output = new StringBuilder();
        var plainFiles = new List<string>();
        var directories = new List<string>();
        foreach (var operand in operands)
        {
            var path = p.Resolve(operand);
            if (files.IsDirectory(path))
            {
                directories.Add(operand);
            }
            else if (files.IsFile(path))
            {
                plainFiles.Add(operand);
            }
            else
            {
                p.Error(p.IsBusybox() ? $"ls: {operand}: No such file or directory\n" : $"ls: cannot access '{operand}': No such file or directory\n");
                status = p.IsBusybox() ? 1 : 2;
            }
        }
        foreach (var file in plainFiles)
        {
            output.Append(longFormat ? LongLine(p, p.Resolve(file), file) : file).Append('\n');
        }
        var headers = directories.Count + plainFiles.Count > 1;
        foreach (var directory in directories)
        {
            if (output.Length > 0)
            {
                output.Append('\n');
            }
            if (headers)
            {
                output.Append(directory).Append(":\n");
            }
            var path = p.Resolve(directory);
            var names = files.List(path).Where(n => all || almostAll || !n.StartsWith('.')).ToList();
            if (all)
            {
                names.InsertRange(0, [".", ".."]);
            }
            if (longFormat)
            {
                var blocks = names.Sum(n => files.IsFile(Join(path, n)) ? (files.Size(Join(path, n)) + 4095) / 4096 * 4 : 4);
                output.Append("total ").Append(blocks.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            foreach (var name in names)
            {
                output.Append(longFormat ? LongLine(p, VirtualFileSystem.Normalize(name, path), name) : name).Append('\n');
            }
        }
        p.Print(output.ToString());
        return status;
    }

    private static string Join(string directory, string name) => directory == "/" ? "/" + name : directory + "/" + name;

    private static string LongLine(ProcessContext p, string path, string display)
    {
        var files = p.Machine.Files;
        var directory = files.IsDirectory(path);
        var mode = directory ? "drwxr-xr-x" : files.IsExecutable(path) ? "-rwxr-xr-x" : "-rw-r--r--";
        var size = directory ? 4096 : files.Size(path);
        var mounted = p.Container.MountedFiles.Contains(p.Container.Canonical(path));
        var stamp = mounted ? p.Container.Program.StartedAt.UtcDateTime : new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var date = stamp.ToString("MMM", CultureInfo.InvariantCulture) + " " + stamp.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2) + " " +
                   stamp.ToString("HH:mm", CultureInfo.InvariantCulture);
        var links = directory ? 2 : 1;
        return p.IsBusybox()
            ? $"{mode}    {links} root     root     {size,10} {date} {display}"
            : $"{mode} {links} root root {size} {date} {display}";
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

    private static List<string> SplitLines(string content)
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

    public static int Grep(ProcessContext p)
    {
        var args = p.Args;
        var flags = new HashSet<char>();
        string? pattern = null;
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "-e" && i + 1 < args.Count)
            {
                pattern = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                // Long options (--color=auto and the like) change nothing the simulation shows.
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                flags.UnionWith(arg[1..]);
            }
            else if (pattern is null)
            {
                pattern = arg;
            }
            else
            {
                files.Add(arg);
            }
        }
        if (pattern is null)
        {
            p.Error(p.IsBusybox() ? "BusyBox grep: missing pattern\n" : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
            return 2;
        }
        Regex regex;
        try
        {
            var text = flags.Contains('F') ? Regex.Escape(pattern) : flags.Contains('E') ? pattern : FromBasic(pattern);
            if (flags.Contains('w'))
            {
                text = $@"\b(?:{text})\b";
            }
            if (flags.Contains('x'))
            {
                text = $"^(?:{text})$";
            }
            regex = new Regex(text, (flags.Contains('i') ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            p.Error($"grep: Invalid regular expression\n");
            return 2;
        }
        var sources = new List<(string Name, string Content)>();
        var status = 1;
        var errors = false;
        if (files.Count == 0)
        {
            sources.Add(("(standard input)", p.IO.Stdin?.ReadToEnd() ?? ""));
        }
        foreach (var file in files)
        {
            var content = p.Machine.Files.Read(p.Resolve(file));
            if (content is null)
            {
                if (!flags.Contains('s'))
                {
                    p.Error($"grep: {file}: No such file or directory\n");
                }
                errors = true;
                continue;
            }
            sources.Add((file, content));
        }
        foreach (var (name, content) in sources)
        {
            var count = 0;
            var number = 0;
            foreach (var line in SplitLines(content))
            {
                number++;
                if (regex.IsMatch(line) == flags.Contains('v'))
                {
                    continue;
                }
                count++;
                status = 0;
                if (flags.Contains('q'))
                {
                    return 0;
                }
                if (!flags.Contains('c') && !flags.Contains('l'))
                {
                    var prefix = (files.Count > 1 && !flags.Contains('h') ? name + ":" : "") + (flags.Contains('n') ? number + ":" : "");
                    p.Print(prefix + line + "\n");
                }
            }
            if (flags.Contains('c'))
            {
                p.Print((files.Count > 1 ? name + ":" : "") + count.ToString(CultureInfo.InvariantCulture) + "\n");
            }
            else if (flags.Contains('l') && count > 0)
            {
                p.Print(name + "\n");
            }
        }
        return errors && status != 0 ? 2 : status;
    }

    // POSIX basic regular expressions escape the operators that extended ones use bare.
    private static string FromBasic(string pattern)
    {
        var output = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '(' or ')' or '|' or '+' or '?' or '{' or '}')
            {
                output.Append(pattern[++i]);
            }
            else if (c is '(' or ')' or '|' or '+' or '?' or '{' or '}')
            {
                output.Append('\\').Append(c);
            }
            else
            {
                output.Append(c);
            }
        }
        return output.ToString();
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
