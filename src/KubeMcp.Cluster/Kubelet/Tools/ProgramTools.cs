using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary>
/// The executables the simulation models by name when an image has them on PATH: the usual coreutils/BusyBox
/// applets, memory and CPU hogs (<c>stress</c>, <c>stress-ng</c>) and the simple uses of <c>python</c> and <c>node</c>.
/// </summary>
internal static class ProgramTools
{
    private static readonly Dictionary<string, Func<ProcessContext, int>> Handlers = new(StringComparer.Ordinal)
    {
        ["cat"] = FileTools.Cat,
        ["ls"] = ListCommand.Run,
        ["head"] = FileTools.Head,
        ["tail"] = FileTools.Tail,
        ["wc"] = FileTools.Wc,
        ["grep"] = GrepCommand.Run,
        ["tee"] = FileTools.Tee,
        ["touch"] = FileTools.Touch,
        ["mkdir"] = FileTools.Mkdir,
        ["rm"] = FileTools.Rm,
        ["basename"] = FileTools.Basename,
        ["dirname"] = FileTools.Dirname,
        ["echo"] = TextTools.Echo,
        ["printf"] = TextTools.Printf,
        ["true"] = _ => 0,
        ["false"] = _ => 1,
        ["test"] = TextTools.Test,
        ["["] = TextTools.Test,
        ["seq"] = TextTools.Seq,
        ["sort"] = TextTools.Sort,
        ["uniq"] = TextTools.Uniq,
        ["tr"] = TextTools.Tr,
        ["cut"] = TextTools.Cut,
        ["yes"] = p => throw new NotUnderstoodException("yes", "yes prints without end"),
        ["env"] = SystemTools.Env,
        ["printenv"] = SystemTools.Printenv,
        ["date"] = SystemTools.Date,
        ["hostname"] = SystemTools.Hostname,
        ["id"] = SystemTools.Id,
        ["whoami"] = SystemTools.Whoami,
        ["uname"] = SystemTools.Uname,
        ["ps"] = SystemTools.Ps,
        ["pwd"] = p =>
        {
            p.Print(p.Cwd + "\n");
            return 0;
        },
        ["sleep"] = SystemTools.Sleep,
        ["nslookup"] = DnsTools.Nslookup,
        ["getent"] = DnsTools.Getent,
        ["stress"] = StressTools.Stress,
        ["stress-ng"] = StressTools.StressNg,
        ["python"] = PythonTool.Run,
        ["python3"] = PythonTool.Run,
        ["node"] = NodeTool.Run,
    };

    public static Func<ProcessContext, int>? Find(string name) => Handlers.GetValueOrDefault(name);

    /// <summary>Whether the image's tools are BusyBox applets (they word errors differently from GNU).</summary>
    public static bool IsBusybox(this ProcessContext process) => process.Container.Os.Tools == ToolFamily.Busybox;

    /// <summary>Splits arguments into single-letter flags and operands (<c>-la</c> is l and a; <c>--</c> ends flags).</summary>
    public static (HashSet<char> Flags, List<string> Operands) Options(IReadOnlyList<string> args)
    {
        var flags = new HashSet<char>();
        var operands = new List<string>();
        var flagsOver = false;
        foreach (var arg in args)
        {
            if (!flagsOver && arg == "--")
            {
                flagsOver = true;
            }
            else if (!flagsOver && arg.Length > 1 && arg[0] == '-' && !char.IsAsciiDigit(arg[1]))
            {
                flags.UnionWith(arg[1..]);
            }
            else
            {
                operands.Add(arg);
            }
        }
        return (flags, operands);
    }
}
