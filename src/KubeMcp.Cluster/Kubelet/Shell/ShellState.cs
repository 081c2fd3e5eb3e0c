namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>The mutable state of one shell process: variables, exports, positional parameters, options, directory.</summary>
internal sealed class ShellState
{
    public Dictionary<string, string> Variables { get; private init; } = new(StringComparer.Ordinal);

    public HashSet<string> Exported { get; private init; } = new(StringComparer.Ordinal);

    public List<string> Positional { get; private init; } = [];

    public string Arg0 { get; set; } = "sh";

    public int LastStatus { get; set; }

    public bool Errexit { get; set; }

    public bool Xtrace { get; set; }

    public string Cwd { get; set; } = "/";

    public int Pid { get; set; } = 1;

    public int? LastBackgroundPid { get; set; }

    /// <summary>Standard output and error redirected for the rest of the script by a bare <c>exec &gt;file</c>.</summary>
    public Runtime.OutputTarget? PermanentOut { get; set; }

    public Runtime.OutputTarget? PermanentErr { get; set; }

    public static ShellState FromEnvironment(IEnumerable<KeyValuePair<string, string>> env)
    {
        var state = new ShellState();
        foreach (var (name, value) in env)
        {
            state.Variables[name] = value;
            state.Exported.Add(name);
        }
        return state;
    }

    public ShellState Clone() => new()
    {
        Variables = new Dictionary<string, string>(Variables, StringComparer.Ordinal),
        Exported = new HashSet<string>(Exported, StringComparer.Ordinal),
        Positional = [.. Positional],
        Arg0 = Arg0,
        LastStatus = LastStatus,
        Errexit = Errexit,
        Xtrace = Xtrace,
        Cwd = Cwd,
        Pid = Pid,
        LastBackgroundPid = LastBackgroundPid,
        PermanentOut = PermanentOut,
        PermanentErr = PermanentErr,
    };

    public string? Get(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>The environment a child process inherits: exported variables in definition order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExportedEnvironment() =>
        [.. Variables.Where(v => Exported.Contains(v.Key))];
}
