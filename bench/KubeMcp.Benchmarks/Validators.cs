namespace KubeMcp.Benchmarks;

/// <summary>Finds the pinned third-party binaries eng/install-validators.sh installs ($KUBEMCP_VALIDATORS or &lt;repo&gt;/.validators/bin).</summary>
internal static class Validators
{
    public static string? Find(string name)
    {
        var dirs = new List<string>();
        if (Environment.GetEnvironmentVariable("KUBEMCP_VALIDATORS") is { Length: > 0 } env)
        {
            dirs.Add(env);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeMcp.slnx")))
            {
                dirs.Add(Path.Combine(dir.FullName, ".validators", "bin"));
                break;
            }
        }
        return dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }
}
