using System.Globalization;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>Commands the shell runs itself, with each dialect's behaviour where they differ.</summary>
internal static class ShellBuiltins
{
    public delegate int Builtin(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> assignments);

    private static readonly Dictionary<string, Builtin> Builtins = new(StringComparer.Ordinal)
    {
        [":"] = (_, _, _, _) => 0,
        ["true"] = (_, _, _, _) => 0,
        ["false"] = (_, _, _, _) => 1,
        ["echo"] = Echo,
        ["printf"] = Printf,
        ["exit"] = Exit,
        ["return"] = Exit,
        ["export"] = Export,
        ["readonly"] = Readonly,
        ["local"] = Readonly,
        ["unset"] = Unset,
        ["set"] = Set,
        ["cd"] = Cd,
        ["pwd"] = (shell, _, io, _) => Print(shell, io, shell.State.Cwd + "\n"),
        ["test"] = Test,
        ["["] = Test,
        ["read"] = Read,
        ["exec"] = Exec,
        ["shift"] = Shift,
        ["break"] = (shell, argv, _, _) => throw new LoopControlSignal(true, Count(argv)),
        ["continue"] = (shell, argv, _, _) => throw new LoopControlSignal(false, Count(argv)),
        ["wait"] = (shell, _, _, _) => shell.WaitForJobs(),
        ["trap"] = (_, _, _, _) => 0,
        ["ulimit"] = (_, _, _, _) => 0,
        ["umask"] = (_, _, _, _) => 0,
        ["hash"] = (_, _, _, _) => 0,
        ["kill"] = (_, _, _, _) => 0,
        ["command"] = Command,
        ["type"] = Type,
        ["eval"] = Eval,
        ["."] = Source,
        ["source"] = Source,
        ["let"] = Let,
    };

    public static Builtin? Find(string name) => Builtins.GetValueOrDefault(name);

    public static bool IsBuiltin(string name) => Builtins.ContainsKey(name);

    private static int Print(ShellRunner shell, CommandIO io, string text)
    {
        io.Out.Write(text, shell.Machine.Clock);
        return 0;
    }

    private static int Fail(ShellRunner shell, CommandIO io, string message, int status)
    {
        io.Err.Write(shell.Messages.Prefix(shell.CurrentLine) + message + "\n", shell.Machine.Clock);
        return status;
    }

    private static int Count(IReadOnlyList<string> argv) =>
        argv.Count > 1 && int.TryParse(argv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    private static int Echo(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _) =>
        Print(shell, io, EchoCommand.Format([.. argv.Skip(1)], alwaysEscapes: shell.Messages.Dialect == ShellDialect.Dash));

    private static int Printf(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        if (argv.Count < 2)
        {
            return Fail(shell, io, shell.Messages.Dialect == ShellDialect.Bash ? "printf: usage: printf [-v var] format [arguments]" : "printf: usage: printf format [arg ...]", 2);
        }
        var (output, invalid) = PrintfCommand.Format(argv[1], [.. argv.Skip(2)]);
        Print(shell, io, output);
        foreach (var bad in invalid)
        {
            Fail(shell, io, shell.Messages.Dialect == ShellDialect.Bash ? $"printf: {bad}: invalid number" : $"printf: {bad}: expected numeric value", 1);
        }
        return invalid.Count > 0 ? 1 : 0;
    }

    private static int Exit(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        if (argv.Count < 2)
        {
            throw new ShellExitSignal(shell.State.LastStatus);
        }
        if (!int.TryParse(argv[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
        {
            Fail(shell, io, shell.Messages.Dialect switch
            {
                ShellDialect.Bash => $"exit: {argv[1]}: numeric argument required",
                ShellDialect.Dash => $"exit: Illegal number: {argv[1]}",
                _ => $"exit: Illegal number: {argv[1]}",
            }, 2);
            throw new ShellExitSignal(2);
        }
        throw new ShellExitSignal(code & 0xFF);
    }

    private static int Export(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        var names = argv.Skip(1).Where(a => a != "-p").ToList();
        if (names.Count == 0)
        {
            foreach (var (name, value) in shell.State.ExportedEnvironment())
            {
                Print(shell, io, $"export {name}='{value.Replace("'", "'\\''", StringComparison.Ordinal)}'\n");
            }
            return 0;
        }
        foreach (var item in names)
        {
            var equals = item.IndexOf('=');
            var name = equals < 0 ? item : item[..equals];
            if (!ShellParser.IsName(name))
            {
                return Fail(shell, io, $"export: {name}: bad variable name", shell.Messages.RedirectionFailureStatus);
            }
            if (equals >= 0)
            {
                shell.State.Variables[name] = item[(equals + 1)..];
            }
            shell.State.Exported.Add(name);
        }
        return 0;
    }

    private static int Readonly(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        foreach (var item in argv.Skip(1).Where(a => !a.StartsWith('-')))
        {
            var equals = item.IndexOf('=');
            if (equals > 0)
            {
                shell.State.Variables[item[..equals]] = item[(equals + 1)..];
            }
        }
        return 0;
    }

    private static int Unset(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        foreach (var name in argv.Skip(1).Where(a => !a.StartsWith('-')))
        {
            shell.State.Variables.Remove(name);
            shell.State.Exported.Remove(name);
        }
        return 0;
    }

    private static int Set(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        if (argv.Count == 1)
        {
            foreach (var (name, value) in shell.State.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                Print(shell, io, $"{name}='{value.Replace("'", "'\\''", StringComparison.Ordinal)}'\n");
            }
            return 0;
        }
        for (var i = 1; i < argv.Count; i++)
        {
            var arg = argv[i];
            if (arg == "--")
            {
                shell.State.Positional.Clear();
                shell.State.Positional.AddRange(argv.Skip(i + 1));
                return 0;
            }
            if (arg is "-o" or "+o" && i + 1 < argv.Count)
            {
                Option(shell.State, argv[++i] switch { "errexit" => 'e', "xtrace" => 'x', _ => ' ' }, arg[0] == '-');
                continue;
            }
            if (arg.Length > 1 && arg[0] is '-' or '+')
            {
                foreach (var option in arg[1..])
                {
                    Option(shell.State, option, arg[0] == '-');
                }
                continue;
            }
            shell.State.Positional.Clear();
            shell.State.Positional.AddRange(argv.Skip(i));
            return 0;
        }
        return 0;
    }

    private static void Option(ShellState state, char option, bool on)
    {
        if (option == 'e')
        {
            state.Errexit = on;
        }
        else if (option == 'x')
        {
            state.Xtrace = on;
        }
    }

    private static int Cd(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        var target = argv.Count > 1 ? argv[1] : shell.State.Get("HOME") ?? "/";
        var path = VirtualFileSystem.Normalize(target, shell.State.Cwd);
        if (!shell.Machine.Files.IsDirectory(path))
        {
            io.Err.Write(shell.Messages.CannotChangeDirectory(target, shell.CurrentLine) + "\n", shell.Machine.Clock);
            return shell.Messages.Dialect == ShellDialect.Bash ? 1 : 2;
        }
        shell.State.Variables["OLDPWD"] = shell.State.Cwd;
        shell.State.Cwd = path;
        shell.State.Variables["PWD"] = path;
        return 0;
    }

    private static int Test(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        var args = argv.Skip(1).ToList();
        if (argv[0] == "[")
        {
            if (args.Count == 0 || args[^1] != "]")
            {
                return Fail(shell, io, shell.Messages.Dialect == ShellDialect.Bash ? "[: missing `]'" : "[: missing ]", 2);
            }
            args.RemoveAt(args.Count - 1);
        }
        var (status, error) = TestEvaluator.Evaluate(args, shell.Machine.Files, shell.State.Cwd);
        if (error is not null)
        {
            var message = shell.Messages.Dialect == ShellDialect.Dash && error.EndsWith("integer expression expected", StringComparison.Ordinal)
                ? $"Illegal number: {error[..error.IndexOf(':')]}"
                : error;
            return Fail(shell, io, $"{argv[0]}: {message}", 2);
        }
        return status;
    }

    private static int Read(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        var names = new List<string>();
        for (var i = 1; i < argv.Count; i++)
        {
            if (argv[i] is "-p" or "-t" or "-n" or "-d" or "-u")
            {
                i++;
                continue;
            }
            if (!argv[i].StartsWith('-'))
            {
                names.Add(argv[i]);
            }
        }
        if (names.Count == 0)
        {
            names.Add("REPLY");
        }
        var line = io.Stdin?.ReadLine();
        if (line is null)
        {
            foreach (var name in names)
            {
                shell.State.Variables[name] = "";
            }
            return 1;
        }
        var fields = line.Split([' ', '\t'], names.Count, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < names.Count; i++)
        {
            shell.State.Variables[names[i]] = i < fields.Length ? fields[i] : "";
        }
        return 0;
    }

    private static int Exec(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> assignments)
    {
        if (argv.Count == 1)
        {
            // `exec >file 2>&1`: the redirections stay for the rest of the script.
            shell.State.PermanentOut = io.Out;
            shell.State.PermanentErr = io.Err;
            return 0;
        }
        var command = argv.Skip(1).ToList();
        var lookup = shell.Machine.Lookup(command[0], shell.State.Get("PATH"), shell.State.Cwd);
        if (!lookup.Found)
        {
            Fail(shell, io, $"exec: {command[0]}: not found", 127);
            throw new ShellExitSignal(127);
        }
        throw new ShellExitSignal(shell.RunExternal(command, io, assignments, replacesShell: true));
    }

    private static int Shift(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        var count = Math.Min(Count(argv), shell.State.Positional.Count);
        shell.State.Positional.RemoveRange(0, count);
        return 0;
    }

    private static int Command(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> assignments)
    {
        if (argv.Count > 2 && argv[1] is "-v" or "-V")
        {
            var status = 0;
            foreach (var name in argv.Skip(2))
            {
                if (IsBuiltin(name))
                {
                    Print(shell, io, name + "\n");
                    continue;
                }
                var lookup = shell.Machine.Lookup(name, shell.State.Get("PATH"), shell.State.Cwd);
                if (lookup.Found)
                {
                    Print(shell, io, lookup.Path + "\n");
                }
                else
                {
                    status = 1;
                }
            }
            return status;
        }
        if (argv.Count < 2)
        {
            return 0;
        }
        var rest = argv.Skip(1).ToList();
        return Find(rest[0]) is { } builtin ? builtin(shell, rest, io, assignments) : shell.RunExternal(rest, io, assignments, false);
    }

    private static int Type(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        var status = 0;
        foreach (var name in argv.Skip(1))
        {
            if (IsBuiltin(name))
            {
                Print(shell, io, $"{name} is a shell builtin\n");
                continue;
            }
            var lookup = shell.Machine.Lookup(name, shell.State.Get("PATH"), shell.State.Cwd);
            if (lookup.Found)
            {
                Print(shell, io, $"{name} is {lookup.Path}\n");
            }
            else
            {
                status = 1;
                Fail(shell, io, $"type: {name}: not found", 1);
            }
        }
        return status;
    }

    private static int Eval(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _) =>
        RunText(shell, string.Join(' ', argv.Skip(1)), io);

    private static int Source(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        if (argv.Count < 2)
        {
            return Fail(shell, io, $"{argv[0]}: filename argument required", 2);
        }
        var path = VirtualFileSystem.Normalize(argv[1], shell.State.Cwd);
        var content = shell.Machine.Files.Read(path);
        if (content is null)
        {
            Fail(shell, io, shell.Messages.Dialect == ShellDialect.Bash ? $"{argv[1]}: No such file or directory" : $"{argv[0]}: can't open '{argv[1]}': No such file or directory", shell.Messages.RedirectionFailureStatus);
            if (shell.Messages.Dialect != ShellDialect.Bash)
            {
                throw new ShellExitSignal(2);
            }
            return 1;
        }
        return RunText(shell, content, io);
    }

    private static int RunText(ShellRunner shell, string text, CommandIO io)
    {
        ListNode script;
        try
        {
            script = ShellParser.Parse(text);
        }
        catch (ShellSyntaxException e)
        {
            foreach (var line in shell.Messages.SyntaxError(e))
            {
                io.Err.Write(line + "\n", shell.Machine.Clock);
            }
            return 2;
        }
        catch (ShellUnsupportedException e)
        {
            throw new NotUnderstoodException(e.Construct, $"{e.Construct} in the script are not simulated");
        }
        return shell.ExecuteList(script, io);
    }

    private static int Let(ShellRunner shell, IReadOnlyList<string> argv, CommandIO io, IReadOnlyList<KeyValuePair<string, string>> _)
    {
        long last = 0;
        foreach (var expression in argv.Skip(1))
        {
            try
            {
                last = ArithmeticEvaluator.Evaluate(expression, shell.State.Get, (name, value) => shell.State.Variables[name] = value);
            }
            catch (FormatException e)
            {
                return Fail(shell, io, $"let: {expression}: {e.Message}", 1);
            }
        }
        return last == 0 ? 1 : 0;
    }
}
