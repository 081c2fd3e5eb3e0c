namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>The repository the tests were built from (the folder holding KubeMcp.slnx), for the deploy/ files.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KubeMcp.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no KubeMcp.slnx above {AppContext.BaseDirectory}");
    });

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);
}
