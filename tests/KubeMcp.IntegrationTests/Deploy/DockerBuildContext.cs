using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>
/// What deploy/docker/Dockerfile's build stage does, without Docker: copies what its COPY instructions copy (leaving out
/// bin/ and obj/ as .dockerignore does) into a temp folder and runs the same publish script there, once per test class.
/// The other publish targets (the single-file profile) build in the same folder so they reuse the compiled outputs.
/// </summary>
public sealed class DockerBuildContext : IAsyncLifetime
{
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);

    private static readonly string[] Ignored = ["bin", "obj"];

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kubemcp-docker-").FullName;

    /// <summary>The build stage's output (/app in the image).</summary>
    public string App => Path.Combine(Directory, "app");

    public Dockerfile Dockerfile { get; } = Dockerfile.Parse(File.ReadAllText(RepositoryRoot.Combine("deploy", "docker", "Dockerfile")));

    public ProcessResult? Publish { get; private set; }

    public async ValueTask InitializeAsync()
    {
        foreach (var copy in Dockerfile.Stage("build").All("COPY"))
        {
            var words = copy.Arguments.Split(' ').Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
            foreach (var source in words[..^1])
            {
                Copy(RepositoryRoot.Combine(source.TrimEnd('/')), Path.Combine(Directory, source.TrimEnd('/')));
            }
        }
        Publish = await RunAsync("sh", ["deploy/docker/publish.sh", "amd64", App]);
    }

    /// <summary>Runs a build command in the context folder with telemetry, first-run messages and lingering MSBuild nodes off.</summary>
    public async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> args) =>
        await ProcessRunner.RunAsync("sh", ["-c", "cd \"$0\" && exec \"$@\"", Directory, fileName, .. args], null, PublishTimeout,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["MSBUILDDISABLENODEREUSE"] = "1" });

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            return;
        }
        if (!System.IO.Directory.Exists(from))
        {
            throw new FileNotFoundException($"the Dockerfile copies {from}, which does not exist");
        }
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(Ignored.Contains))
            {
                continue;
            }
            Copy(file, Path.Combine(to, relative));
        }
    }
}
