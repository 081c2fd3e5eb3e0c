using System.Globalization;
using System.Text;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary>Tools that report on the (simulated) system: environment, time, identity, kernel, processes; and sleep.</summary>
internal static class SystemTools
{
    private const string KernelBuild = "#1 SMP PREEMPT_DYNAMIC Wed Jan  1 00:00:00 UTC 2025";

    public static int Env(ProcessContext p)
    {
        var env = p.Env.ToList();
        var args = p.Args;
        var index = 0;
        for (; index < args.Count; index++)
        {
            var arg = args[index];
            if (arg is "-i" or "-" or "--ignore-environment")
            {
                env.Clear();
            }
            else if (arg == "-u" && index + 1 < args.Count)
            {
                var name = args[++index];
                env.RemoveAll(e => e.Key == name);
            }
            else if (arg.Contains('=') && !arg.StartsWith('='))
            {
                var name = arg[..arg.IndexOf('=')];
                env.RemoveAll(e => e.Key == name);
                env.Add(new(name, arg[(arg.IndexOf('=') + 1)..]));
            }
            else
            {
                break;
            }
        }
        if (index >= args.Count)
        {
            p.Print(string.Concat(env.Select(e => $"{e.Key}={e.Value}\n")));
            return 0;
        }
        var command = args.Skip(index).ToList();
        var lookup = p.Machine.Lookup(command[0], env.FirstOrDefault(e => e.Key == "PATH").Value, p.Cwd);
        if (!lookup.Found)
        {
            p.Error(p.IsBusybox() ? $"env: can't execute '{command[0]}': No such file or directory\n" : $"env: '{command[0]}': No such file or directory\n");
            return 127;
        }
        return p.Machine.Run(lookup.Path!, command, p.IO, env, p.Cwd, p.ReplacesPid1);
    }

    public static int Printenv(ProcessContext p)
    {
        if (p.Args.Count == 0)
        {
            p.Print(string.Concat(p.Env.Select(e => $"{e.Key}={e.Value}\n")));
            return 0;
        }
        var status = 0;
        foreach (var name in p.Args)
        {
            if (p.GetEnv(name) is { } value)
            {
                p.Print(value + "\n");
            }
            else
            {
                status = 1;
            }
        }
        return status;
    }

    public static int Date(ProcessContext p)
    {
        var now = p.Container.Program.StartedAt + p.Clock;
        var format = Strftime.DefaultFormat;
        foreach (var arg in p.Args)
        {
            if (arg.StartsWith('+'))
            {
                format = arg[1..];
            }
            else if (arg is "-I" or "--iso-8601")
            {
                format = "%F";
            }
            else if (arg.StartsWith("-I", StringComparison.Ordinal) || arg.StartsWith("--iso-8601=", StringComparison.Ordinal))
            {
                format = "%FT%T+00:00";
            }
            else if (arg is "-R" or "--rfc-email")
            {
                format = "%a, %d %b %Y %H:%M:%S +0000";
            }
        }
        p.Print(Strftime.Format(now, format) + "\n");
        return 0;
    }

    public static int Hostname(ProcessContext p)
    {
        var program = p.Container.Program;
        var output = p.Args.FirstOrDefault() switch
        {
            "-i" or "--ip-address" => program.PodIP,
            "-I" or "--all-ip-addresses" => program.PodIP + " ",
            _ => program.PodName,
        };
        p.Print(output + "\n");
        return 0;
    }

    public static int Id(ProcessContext p)
    {
        var user = p.Container.User;
        var (flags, _) = ProgramTools.Options(p.Args);
        string Named(long id, string? name) => name is null ? id.ToString(CultureInfo.InvariantCulture) : $"{id}({name})";
        var group = user.Gid == 0 ? "root" : user.Name;
        if (flags.Contains('u'))
        {
            p.Print((flags.Contains('n') ? user.Display : user.Uid.ToString(CultureInfo.InvariantCulture)) + "\n");
            return 0;
        }
        if (flags.Contains('g') || flags.Contains('G'))
        {
            p.Print((flags.Contains('n') ? group ?? user.Gid.ToString(CultureInfo.InvariantCulture) : user.Gid.ToString(CultureInfo.InvariantCulture)) + "\n");
            return 0;
        }
        p.Print($"uid={Named(user.Uid, user.Name)} gid={Named(user.Gid, group)} groups={Named(user.Gid, group)}\n");
        return 0;
    }

    public static int Whoami(ProcessContext p)
    {
        var user = p.Container.User;
        if (user.Name is null)
        {
            p.Error(p.IsBusybox() ? $"whoami: unknown uid {user.Uid}\n" : $"whoami: cannot find name for user ID {user.Uid}\n");
            return 1;
        }
        p.Print(user.Name + "\n");
        return 0;
    }

    public static int Uname(ProcessContext p)
    {
        var (flags, _) = ProgramTools.Options(p.Args);
        var program = p.Container.Program;
        var all = flags.Contains('a');
        var parts = new List<string>();
        if (all || flags.Contains('s') || flags.Count == 0)
        {
            parts.Add("Linux");
        }
        if (all || flags.Contains('n'))
        {
            parts.Add(program.PodName);
        }
        if (all || flags.Contains('r'))
        {
            parts.Add(program.NodeKernel);
        }
        if (all || flags.Contains('v'))
        {
            parts.Add(KernelBuild);
        }
        if (all || flags.Contains('m'))
        {
            parts.Add("x86_64");
        }
        if (all || flags.Contains('o'))
        {
            parts.Add(p.IsBusybox() ? "Linux" : "GNU/Linux");
        }
        p.Print(string.Join(' ', parts) + "\n");
        return 0;
    }

    public static int Ps(ProcessContext p)
    {
        var machine = p.Machine;
        var processes = machine.Mode == ExecutionMode.Exec ? machine.KnownProcesses.ToList() : machine.Trace.ProcessesAt(machine.Clock).ToList();
        var command = string.Join(' ', p.Argv);
        processes.Add(new SimProcess(processes.Select(x => x.Pid).DefaultIfEmpty(1).Max() + 6, p.Container.User.Display, command));
        var output = new StringBuilder();
        if (p.IsBusybox())
        {
            output.Append("PID   USER     TIME  COMMAND\n");
            foreach (var process in processes)
            {
                output.Append(CultureInfo.InvariantCulture, $"{process.Pid,5} {Truncate(process.User, 8),-8}  0:00 {process.Command}\n");
            }
        }
        else if (p.Args.Any(a => a.TrimStart('-').Contains('u')))
        {
            output.Append("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
            var start = (p.Container.Program.StartedAt).UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
            foreach (var process in processes)
            {
                output.Append(CultureInfo.InvariantCulture, $"{Truncate(process.User, 8),-8} {process.Pid,7}  0.0  0.1  10000  5000 ?        Ss   {start}   0:00 {process.Command}\n");
            }
        }
        else
        {
            output.Append("UID          PID    PPID  C STIME TTY          TIME CMD\n");
            var start = (p.Container.Program.StartedAt).UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
            foreach (var process in processes)
            {
                output.Append(CultureInfo.InvariantCulture, $"{Truncate(process.User, 8),-8} {process.Pid,7} {(process.Pid == 1 ? 0 : 1),7}  0 {start} ?        00:00:00 {process.Command}\n");
            }
        }
        p.Print(output.ToString());
        return 0;
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    public static int Sleep(ProcessContext p)
    {
        if (p.Args.Count == 0)
        {
            p.Error(p.IsBusybox() ? "BusyBox sleep: missing operand\n" : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
            return 1;
        }
        var total = TimeSpan.Zero;
        foreach (var arg in p.Args)
        {
            if (arg is "infinity" or "inf")
            {
                if (p.ReplacesPid1 is false && p.Machine.Depth == 0 && p.Machine.Mode == ExecutionMode.Container)
                {
                    p.Machine.Trace.AddProcess(p.Machine.NextPid(), p.Container.User.Display, string.Join(' ', p.Argv), p.Clock);
                }
                throw p.Machine.RunsForever("sleep");
            }
            if (!TryParseSleep(arg, out var duration))
            {
                p.Error(p.IsBusybox() ? $"sleep: invalid number '{arg}'\n" : $"sleep: invalid time interval '{arg}'\nTry 'sleep --help' for more information.\n");
                return 1;
            }
            total += duration;
        }
        if (p.Machine.Depth == 0 && p.Machine.Mode == ExecutionMode.Container && !p.ReplacesPid1 && total >= TimeSpan.FromSeconds(1))
        {
            p.Machine.Trace.AddProcess(p.Machine.NextPid(), p.Container.User.Display, string.Join(' ', p.Argv), p.Clock, p.Clock + total);
        }
        p.Machine.Advance(total);
        return 0;
    }

    private static bool TryParseSleep(string arg, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (arg.Length == 0)
        {
            return false;
        }
        var unit = arg[^1];
        var factor = unit switch
        {
            's' => 1d,
            'm' => 60d,
            'h' => 3600d,
            'd' => 86400d,
            _ => 0d,
        };
        var number = factor == 0 ? arg : arg[..^1];
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        var seconds = value * (factor == 0 ? 1 : factor);
        if (seconds > TimeSpan.MaxValue.TotalSeconds / 4)
        {
            return false;
        }
        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
