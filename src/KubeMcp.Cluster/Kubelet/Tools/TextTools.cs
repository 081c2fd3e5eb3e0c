using System.Globalization;
using KubeMcp.Cluster.Kubelet.Runtime;
using KubeMcp.Cluster.Kubelet.Shell;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary>Stand-alone <c>echo</c>, <c>printf</c>, <c>test</c> and <c>seq</c> (run without a shell, exec form).</summary>
internal static class TextTools
{
    public static int Echo(ProcessContext p)
    {
        p.Print(EchoCommand.Format(p.Args, alwaysEscapes: false));
        return 0;
    }

    public static int Printf(ProcessContext p)
    {
        if (p.Args.Count == 0)
        {
            p.Error(p.IsBusybox() ? "Usage: printf FORMAT [ARG]...\n" : "printf: missing operand\nTry 'printf --help' for more information.\n");
            return 1;
        }
        var (output, invalid) = PrintfCommand.Format(p.Args[0], [.. p.Args.Skip(1)]);
        p.Print(output);
        foreach (var bad in invalid)
        {
            p.Error(p.IsBusybox() ? $"printf: invalid number '{bad}'\n" : $"printf: '{bad}': expected a numeric value\n");
        }
        return invalid.Count > 0 ? 1 : 0;
    }

    public static int Test(ProcessContext p)
    {
        var args = p.Args.ToList();
        if (p.Name == "[")
        {
            if (args.Count == 0 || args[^1] != "]")
            {
                p.Error("[: missing ']'\n");
                return 2;
            }
            args.RemoveAt(args.Count - 1);
        }
        var (status, error) = TestEvaluator.Evaluate(args, p.Machine.Files, p.Cwd);
        if (error is not null)
        {
            p.Error($"{p.Name}: {error}\n");
        }
        return status;
    }

    public static int Seq(ProcessContext p)
    {
        var numbers = new List<long>();
        foreach (var arg in p.Args)
        {
            if (!long.TryParse(arg, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                p.Error(p.IsBusybox() ? $"seq: invalid number '{arg}'\n" : $"seq: invalid floating point argument: '{arg}'\nTry 'seq --help' for more information.\n");
                return 1;
            }
            numbers.Add(value);
        }
        var (first, step, last) = numbers.Count switch
        {
            1 => (1L, 1L, numbers[0]),
            2 => (numbers[0], 1L, numbers[1]),
            3 => (numbers[0], numbers[1], numbers[2]),
            _ => (0L, 0L, -1L),
        };
        if (numbers.Count is 0 or > 3 || step == 0)
        {
            p.Error("seq: missing operand\n");
            return 1;
        }
        for (var i = first; step > 0 ? i <= last : i >= last; i += step)
        {
            p.Machine.Step();
            p.Print(i.ToString(CultureInfo.InvariantCulture) + "\n");
        }
        return 0;
    }

    public static int Sort(ProcessContext p)
    {
        var (flags, files) = ProgramTools.Options(p.Args);
        var text = files.Count == 0 ? p.IO.Stdin?.ReadToEnd() ?? "" : ReadAll(p, files, "sort");
        if (text is null)
        {
            return 2;
        }
        var lines = Lines(text);
        IEnumerable<string> sorted = flags.Contains('n')
            ? lines.OrderBy(l => double.TryParse(new string([.. l.TrimStart().TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or '-')]), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .ThenBy(l => l, StringComparer.Ordinal)
            : lines.Order(StringComparer.Ordinal);
        if (flags.Contains('r'))
        {
            sorted = sorted.Reverse();
        }
        if (flags.Contains('u'))
        {
            sorted = sorted.Distinct();
        }
        p.Print(string.Concat(sorted.Select(l => l + "\n")));
        return 0;
    }

    public static int Uniq(ProcessContext p)
    {
        var (flags, files) = ProgramTools.Options(p.Args);
        var text = files.Count == 0 ? p.IO.Stdin?.ReadToEnd() ?? "" : ReadAll(p, [files[0]], "uniq");
        if (text is null)
        {
            return 1;
        }
        var groups = new List<(string Line, int Count)>();
        foreach (var line in Lines(text))
        {
            if (groups.Count > 0 && groups[^1].Line == line)
            {
                groups[^1] = (line, groups[^1].Count + 1);
            }
            else
            {
                groups.Add((line, 1));
            }
        }
        foreach (var (line, count) in groups)
        {
            if (flags.Contains('d') && count == 1 || flags.Contains('u') && count > 1)
            {
                continue;
            }
            p.Print((flags.Contains('c') ? count.ToString(CultureInfo.InvariantCulture).PadLeft(7) + " " : "") + line + "\n");
        }
        return 0;
    }

    public static int Tr(ProcessContext p)
    {
        var args = p.Args.ToList();
        var delete = args.Remove("-d");
        if (args.Count < (delete ? 1 : 2))
        {
            p.Error("tr: missing operand\n");
            return 1;
        }
        var from = Expand(args[0]);
        var to = delete ? "" : Expand(args[1]);
        var input = p.IO.Stdin?.ReadToEnd() ?? "";
        var output = new System.Text.StringBuilder(input.Length);
        foreach (var c in input)
        {
            var index = from.IndexOf(c);
            if (index < 0)
            {
                output.Append(c);
            }
            else if (!delete)
            {
                output.Append(to.Length == 0 ? c : to[Math.Min(index, to.Length - 1)]);
            }
        }
        p.Print(output.ToString());
        return 0;
    }

    // tr sets: ranges (a-z), the [:upper:]/[:lower:]/[:digit:]/[:space:] classes and backslash escapes.
    private static string Expand(string set)
    {
        set = set.Replace("[:upper:]", "A-Z", StringComparison.Ordinal).Replace("[:lower:]", "a-z", StringComparison.Ordinal)
            .Replace("[:digit:]", "0-9", StringComparison.Ordinal).Replace("[:space:]", " \t\n", StringComparison.Ordinal);
        set = EchoCommand.Unescape(set, octalNeedsZero: false).Text;
        var output = new System.Text.StringBuilder();
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-' && set[i] <= set[i + 2])
            {
                for (var c = set[i]; c <= set[i + 2]; c++)
                {
                    output.Append(c);
                }
                i += 2;
            }
            else
            {
                output.Append(set[i]);
            }
        }
        return output.ToString();
    }

    public static int Cut(ProcessContext p)
    {
        var delimiter = '\t';
        string? fields = null;
        var files = new List<string>();
        var args = p.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("-d", StringComparison.Ordinal))
            {
                var value = arg.Length > 2 ? arg[2..] : i + 1 < args.Count ? args[++i] : "";
                delimiter = value.Length > 0 ? value[0] : delimiter;
            }
            else if (arg.StartsWith("-f", StringComparison.Ordinal))
            {
                fields = arg.Length > 2 ? arg[2..] : i + 1 < args.Count ? args[++i] : null;
            }
            else
            {
                files.Add(arg);
            }
        }
        if (fields is null)
        {
            p.Error(p.IsBusybox() ? "cut: expected a list of bytes, characters, or fields\n" : "cut: you must specify a list of bytes, characters, or fields\n");
            return 1;
        }
        var wanted = new HashSet<int>();
        foreach (var range in fields.Split(','))
        {
            var dash = range.IndexOf('-');
            var low = dash == 0 ? 1 : int.Parse(dash < 0 ? range : range[..dash], CultureInfo.InvariantCulture);
            var high = dash < 0 ? low : dash == range.Length - 1 ? 256 : int.Parse(range[(dash + 1)..], CultureInfo.InvariantCulture);
            for (var f = low; f <= high; f++)
            {
                wanted.Add(f);
            }
        }
        var text = files.Count == 0 ? p.IO.Stdin?.ReadToEnd() ?? "" : ReadAll(p, files, "cut") ?? "";
        foreach (var line in Lines(text))
        {
            var parts = line.Split(delimiter);
            p.Print((parts.Length == 1 ? line : string.Join(delimiter, parts.Where((_, i) => wanted.Contains(i + 1)))) + "\n");
        }
        return 0;
    }

    private static string? ReadAll(ProcessContext p, IReadOnlyList<string> files, string tool)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in files)
        {
            var content = p.Machine.Files.Read(p.Resolve(file));
            if (content is null)
            {
                p.Error(p.IsBusybox() ? $"{tool}: can't open '{file}': No such file or directory\n" : $"{tool}: {file}: No such file or directory\n");
                return null;
            }
            text.Append(content);
        }
        return text.ToString();
    }

    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }
}
