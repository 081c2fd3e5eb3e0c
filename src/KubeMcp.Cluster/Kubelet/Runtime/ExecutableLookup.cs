namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>The outcome of finding a command: the file to run, or why there is none.</summary>
internal sealed record ExecutableLookup(string? Path, ExecutableLookupFailure Failure)
{
    public bool Found => Path is not null;

    public static ExecutableLookup At(string path) => new(path, ExecutableLookupFailure.None);

    public static ExecutableLookup Fail(ExecutableLookupFailure failure) => new(null, failure);
}
