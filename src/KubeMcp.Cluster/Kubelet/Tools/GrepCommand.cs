using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary><c>grep</c> with <c>-i -v -c -q -n -l -h -s -w -x -E -F -e</c>, basic or extended expressions.</summary>
internal static class GrepCommand
{
    public static int Run(ProcessContext p)
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
            foreach (var line in FileTools.SplitLines(content))
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
}
