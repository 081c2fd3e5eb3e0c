namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>One simulated process: the machine it runs on, what was executed, its streams, environment and directory.</summary>
internal sealed record ProcessContext(
    Machine Machine,
    string Path,
    IReadOnlyList<string> Argv,
    CommandIO IO,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    string Cwd,
    bool ReplacesPid1)
{
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    public IReadOnlyList<string> Args => [.. Argv.Skip(1)];

    public TimeSpan Clock => Machine.Clock;

    public ContainerEnvironment Container => Machine.Env;

    public void Print(string text) => IO.Out.Write(text, Machine.Clock);

    public void Error(string text) => IO.Err.Write(text, Machine.Clock);

    public string? GetEnv(string name)
    {
        for (var i = Env.Count - 1; i >= 0; i--)
        {
            if (Env[i].Key == name)
            {
                return Env[i].Value;
            }
        }
        return null;
    }

    public string Resolve(string path) => VirtualFileSystem.Normalize(path, Cwd);
}
