using System.Text.Json.Nodes;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>
/// The image's contents built the Dockerfile's way (its publish script in a copy of the build context), the single-file
/// profile, and an OCI image archive made from them and run with a read-only root filesystem as user 1654.
/// </summary>
public sealed class ContainerImageTests(DockerBuildContext context, ClusterFixture cluster)
    : IClassFixture<DockerBuildContext>, IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DockerfilePublish_ProducesASelfContainedAppThatRuns()
    {
        Assert.True(context.Publish!.ExitCode == 0, context.Publish.Stdout + context.Publish.Stderr);

        var run = await ProcessRunner.RunAsync(Path.Combine(context.App, "kubemcp"), ["--version"], null, TimeSpan.FromMinutes(1));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(DotnetToolTests.ExpectedVersion(), run.Stdout.Trim());
        Assert.True(File.Exists(Path.Combine(context.App, "libcoreclr.so")), "the runtime should be inside the app (self-contained)");
        Assert.Empty(Directory.GetFiles(context.App, "*.xml"));
        Assert.Empty(Directory.GetDirectories(context.App));
    }

    [Fact]
    public async Task SingleFileProfile_ProducesOneExecutableThatRuns()
    {
        var output = Path.Combine(context.Directory, "single-file");

        var publish = await context.RunAsync("dotnet",
            ["publish", "src/KubeMcp.Cli/KubeMcp.Cli.csproj", "-p:PublishProfile=single-file", "-o", output]);
        var run = await ProcessRunner.RunAsync(Path.Combine(output, "kubemcp"), ["--version"], null, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(context.Directory, "extract") });

        Assert.True(publish.ExitCode == 0, publish.Stdout + publish.Stderr);
        Assert.Equal(["kubemcp"], Directory.GetFiles(output).Select(f => Path.GetFileName(f)).Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal)).ToArray());
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(DotnetToolTests.ExpectedVersion(), run.Stdout.Trim());
    }

    [Fact]
    public async Task OciArchive_RunsTheServerReadOnlyAsNonRoot_AndItReachesTheCluster()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/dpkg"))
        {
            Assert.Skip("building the OCI archive needs root on a Debian machine (umoci, apt-get download)");
            return;
        }
        Assert.True(context.Publish!.ExitCode == 0, context.Publish.Stderr);
        var archive = Path.Combine(context.Directory, "kubemcp.tar");

        var build = await ProcessRunner.RunAsync("bash",
            [RepositoryRoot.Combine("deploy", "docker", "build-oci-archive.sh"), "--app", context.App, archive], null, TimeSpan.FromMinutes(15));

        Assert.True(build.ExitCode == 0, build.Stderr);
        var image = await OciImage.ExtractAsync(archive, Path.Combine(context.Directory, "image"));
        var config = image.Config["config"]!;
        Assert.Equal("amd64", (string?)image.Config["architecture"]);
        Assert.Equal("1654:1654", (string?)config["User"]);
        Assert.Equal(["/app/kubemcp"], config["Entrypoint"]!.AsArray().Select(e => (string)e!).ToArray());
        Assert.Equal("serve", (string?)config["Cmd"]![0]);
        Assert.Contains("HOME=/tmp", config["Env"]!.AsArray().Select(e => (string)e!));
        Assert.False(File.Exists(Path.Combine(image.RootFs, "bin", "sh")), "the image should have no shell");
        Assert.Contains("app:x:1654:1654:", await File.ReadAllTextAsync(Path.Combine(image.RootFs, "etc", "passwd"), Ct));

        var version = await image.RunAsync(["--version"]);
        Assert.True(version.ExitCode == 0, version.Stderr);
        Assert.Equal(DotnetToolTests.ExpectedVersion(), version.Stdout.Trim());

        var shared = Directory.CreateDirectory(Path.Combine(context.Directory, "shared")).FullName;
        File.Copy(cluster.KubeconfigPath, Path.Combine(shared, "kubeconfig"));
        await using var server = await image.StartAsync(shared,
            ["serve", "--bind", "127.0.0.1", "--port", "0", "--kubeconfig", "/tmp/kubeconfig", "--read-only"], Ct);
        using var http = new HttpClient();
        var health = await http.GetAsync(server.Url + "/healthz", Ct);
        var body = JsonNode.Parse(await health.Content.ReadAsStringAsync(Ct))!;

        Assert.True(health.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal("healthy", (string?)body["status"]);
    }
}
