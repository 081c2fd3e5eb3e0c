using System.Reflection;
using KubeMcp.Cli.Commands;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary><c>kubemcp</c> as a .NET tool: packed from src/KubeMcp.Cli, installed from a local feed, run.</summary>
public sealed class DotnetToolTests
{
    private static readonly TimeSpan DotnetTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task PackedTool_InstallsFromALocalFeed_AndPrintsItsVersion()
    {
        var work = Directory.CreateTempSubdirectory("kubemcp-tool-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            var config = Path.Combine(work, "nuget.config");
            await File.WriteAllTextAsync(config,
                $"""
                 <?xml version="1.0" encoding="utf-8"?>
                 <configuration>
                   <packageSources>
                     <clear />
                     <add key="local" value="{feed}" />
                   </packageSources>
                 </configuration>
                 """, TestContext.Current.CancellationToken);
            // Its own package folder, so a package cached by an earlier run of the same version is never used.
            var environment = new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Path.Combine(work, "packages"),
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            };
            var version = ExpectedVersion();

            // The tests already built the CLI in their own configuration; pack exactly that build.
            var pack = await ProcessRunner.RunAsync("dotnet",
                ["pack", RepositoryRoot.Combine("src", "KubeMcp.Cli", "KubeMcp.Cli.csproj"), "--no-build", "-c", BuildConfiguration(), "-o", feed],
                null, DotnetTimeout, environment);
            Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);
            var install = await ProcessRunner.RunAsync("dotnet",
                ["tool", "install", "--tool-path", Path.Combine(work, "tools"), "--configfile", config, "kubemcp", "--version", version],
                null, DotnetTimeout, environment);
            Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);
            var run = await ProcessRunner.RunAsync(Path.Combine(work, "tools", "kubemcp"), ["--version"], null, TimeSpan.FromMinutes(1));

            Assert.True(File.Exists(Path.Combine(feed, $"kubemcp.{version}.nupkg")));
            Assert.Contains("was successfully installed", install.Stdout);
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith(version, run.Stdout.Trim());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The package version: the CLI assembly's informational version without the source revision.</summary>
    internal static string ExpectedVersion() =>
        typeof(AskCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    private static string BuildConfiguration() =>
        typeof(AskCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
