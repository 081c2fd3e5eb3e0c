namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>deploy/docker/Dockerfile as written: stages, the shared publish script, and a hardened runtime stage.</summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile File = Dockerfile.Parse(System.IO.File.ReadAllText(RepositoryRoot.Combine("deploy", "docker", "Dockerfile")));

    [Fact]
    public void BuildStage_RestoresThenPublishesWithTheSharedScript_OnTheBuildPlatform()
    {
        var build = File.Stage("build");

        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", build.BaseImage);
        Assert.Equal("$BUILDPLATFORM", build.Platform);
        Assert.Equal(
            ["sh deploy/docker/publish.sh \"$TARGETARCH\" /app --restore-only", "sh deploy/docker/publish.sh \"$TARGETARCH\" /app"],
            build.All("RUN").Select(r => r.Arguments).ToArray());
        // The restore layer depends on the project files only, so it is reused while only sources change.
        var copies = build.Instructions.Where(i => i.Keyword is "COPY" or "RUN").Select(i => i.Keyword + " " + i.Arguments).ToList();
        Assert.True(copies.IndexOf("COPY src/ src/") > copies.FindIndex(c => c.EndsWith("--restore-only", StringComparison.Ordinal)));
    }

    [Fact]
    public void RuntimeStage_IsChiseledNonRootAndHasNothingToRunButTheApp()
    {
        var runtime = File.Final;

        Assert.Equal("runtime", runtime.Name);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/runtime-deps:\$\{DOTNET_VERSION\}-[a-z]+-chiseled$", runtime.BaseImage);
        Assert.Empty(runtime.All("RUN"));
        Assert.Empty(runtime.All("SHELL"));
        var user = Assert.Single(runtime.All("USER")).Arguments;
        Assert.Matches(@"^[1-9][0-9]*:[1-9][0-9]*$", user);
        Assert.Equal(["/app/kubemcp"], Assert.Single(runtime.All("ENTRYPOINT")).ExecForm());
        Assert.Equal(["serve", "--bind", "0.0.0.0", "--port", "8080"], Assert.Single(runtime.All("CMD")).ExecForm());
        Assert.Equal("8080", Assert.Single(runtime.All("EXPOSE")).Arguments);
        Assert.Contains(runtime.All("COPY"), c => c.Arguments == "--from=build /app/ /app/");
        Assert.Contains("HOME=/tmp", Assert.Single(runtime.All("ENV")).Arguments);
    }

    [Fact]
    public void HelmStage_VerifiesTheDownloadAndIsEmptyWithoutAVersion()
    {
        var helm = File.Stage("helm");

        var run = Assert.Single(helm.All("RUN")).Arguments;
        Assert.Contains("sha256sum -c", run);
        Assert.Contains("if [ -n \"$HELM_VERSION\" ]", run);
        Assert.Contains(File.Final.All("COPY"), c => c.Arguments == "--from=helm /out/ /usr/local/bin/");
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputsToolsAndGitOutOfTheContext()
    {
        var patterns = System.IO.File.ReadAllLines(RepositoryRoot.Combine(".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        Assert.Superset(new HashSet<string> { ".git", "artifacts", ".validators", "**/bin", "**/obj" }, patterns);
        Assert.DoesNotContain("src", patterns);
    }
}
