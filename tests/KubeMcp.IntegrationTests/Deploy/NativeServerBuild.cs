using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>
/// kubemcp-server published as a native executable (src/KubeMcp.Server.Host, Native AOT), once per test class, from the
/// sources of this checkout: what trimming or ahead-of-time compilation breaks shows up only in that build.
/// </summary>
public sealed class NativeServerBuild : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kubemcp-native-").FullName;

    public string Executable => Path.Combine(Directory, "kubemcp-server");

    public ProcessResult? Publish { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Publish = await ProcessRunner.RunAsync("dotnet",
            ["publish", RepositoryRoot.Combine("src", "KubeMcp.Server.Host", "KubeMcp.Server.Host.csproj"), "-r", "linux-x64", "-o", Directory],
            null, PublishTimeout,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["MSBUILDDISABLENODEREUSE"] = "1" });
    }

    /// <summary>Fails the test with the publish output unless the executable was produced.</summary>
    public string RequireExecutable()
    {
        Assert.True(Publish is { ExitCode: 0 } && File.Exists(Executable), $"native publish failed:\n{Publish?.Stdout}\n{Publish?.Stderr}");
        return Executable;
    }

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
}
