using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// A shell invoked as a program: <c>sh -c 'script' [name [args…]]</c>, <c>bash -ec …</c>, <c>sh script.sh</c>,
/// or a bare <c>sh</c> reading its (usually closed) standard input.
/// </summary>
internal static class ShellProcess
{
    public static int Run(ProcessContext process, ShellDialect dialect)
    {
        var machine = process.Machine;
        var argv = process.Argv;
        var invokedAs = argv[0];
        var errexit = false;
        var xtrace = false;
        var commandMode = false;
        var index = 1;
        for (; index < argv.Count; index++)
        {
            var arg = argv[index];
            if (arg == "--")
            {
                index++;
                break;
            }
            if (arg is "-o" or "+o")
            {
                index++;
                continue;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            if (arg.Length < 2 || arg[0] is not ('-' or '+'))
            {
                break;
            }
            foreach (var option in arg[1..])
            {
                switch (option)
                {
                    case 'c':
                        commandMode = true;
                        break;
                    case 'e':
                        errexit = arg[0] == '-';
                        break;
                    case 'x':
                        xtrace = arg[0] == '-';
                        break;
                }
            }
        }

        string script;
        string arg0;
        List<string> positional;
        bool fromFile;
        if (commandMode)
        {
            if (index >= argv.Count)
            {
                process.Error(dialect switch
                {
                    ShellDialect.Bash => $"{invokedAs}: -c: option requires an argument\n",
                    ShellDialect.Dash => $"{invokedAs}: 0: -c requires an argument\n",
                    _ => $"{invokedAs}: -c requires an argument\n",
                });
                return 2;
            }
            script = argv[index];
            arg0 = index + 1 < argv.Count ? argv[index + 1] : invokedAs;
            positional = [.. argv.Skip(index + 2)];
            fromFile = false;
        }
        else if (index < argv.Count)
        {
            var file = argv[index];
            var content = machine.Files.Read(process.Resolve(file));
            if (content is null || machine.Files.IsDirectory(process.Resolve(file)))
            {
                process.Error(dialect switch
                {
                    ShellDialect.Bash => $"{invokedAs}: {file}: No such file or directory\n",
                    ShellDialect.Dash => $"{invokedAs}: 0: cannot open {file}: No such file\n",
                    _ => $"{invokedAs}: can't open '{file}': No such file or directory\n",
                });
                return dialect == ShellDialect.Bash ? 127 : 2;
            }
            script = content;
            arg0 = file;
            positional = [.. argv.Skip(index + 1)];
            fromFile = true;
        }
        else
        {
            // Without -c or a file a shell reads commands from stdin; a container's stdin is closed, so it exits.
            script = process.IO.Stdin?.ReadToEnd() ?? "";
            arg0 = invokedAs;
            positional = [];
            fromFile = false;
        }

        var state = ShellState.FromEnvironment(process.Env);
        state.Arg0 = arg0;
        state.Positional.AddRange(positional);
        state.Errexit = errexit;
        state.Xtrace = xtrace;
        state.Cwd = process.Cwd;
        state.Pid = process.ReplacesPid1 ? 1 : machine.NextPid();
        if (process.ReplacesPid1 && machine.Depth == 0)
        {
            machine.Trace.SetMainProcess(machine.Env.User.Display, string.Join(' ', argv));
            machine.Trace.SetMemory(machine.Clock, dialect == ShellDialect.Bash ? 3 * 1024 * 1024 : 512 * 1024);
        }

        var messages = new ShellMessages(dialect, fromFile ? arg0 : commandMode ? arg0 : invokedAs, fromFile);
        ListNode parsed;
        try
        {
            parsed = ShellParser.Parse(script);
        }
        catch (ShellSyntaxException e)
        {
            foreach (var line in messages.SyntaxError(e))
            {
                process.Error(line + "\n");
            }
            return 2;
        }
        catch (ShellUnsupportedException e)
        {
            throw new NotUnderstoodException(e.Construct,
                $"{e.Construct} in the script are not simulated");
        }

        var runner = new ShellRunner(machine, state, messages, process.IO);
        try
        {
            return runner.Run(parsed);
        }
        catch (ShellExitSignal exit)
        {
            return exit.Status;
        }
    }
}
