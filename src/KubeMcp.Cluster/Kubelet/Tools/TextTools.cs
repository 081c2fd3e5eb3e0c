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
}
