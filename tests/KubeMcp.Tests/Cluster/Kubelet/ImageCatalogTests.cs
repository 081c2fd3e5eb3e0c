using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class ImageCatalogTests
{
    private static ImageResolution Resolve(ImageCatalog catalog, string image) => catalog.Resolve(ImageReference.Parse(image));

    [Fact]
    public void BuiltinCatalog_KnowsCommonImages()
    {
        var catalog = new ImageCatalog();

        Assert.Contains("docker.io/library/nginx", catalog.Repositories);
        Assert.Contains("registry.k8s.io/pause", catalog.Repositories);
        Assert.Contains("registry.k8s.io/e2e-test-images/agnhost", catalog.Repositories);
        Assert.Contains("quay.io/prometheus/prometheus", catalog.Repositories);
        Assert.Contains("docker.io/prom/prometheus", catalog.Repositories);
        Assert.Contains("docker.io/curlimages/curl", catalog.Repositories);
    }

    [Theory]
    [InlineData("nginx", "1.29.0", "debian")]
    [InlineData("nginx:1.14.2", "1.14.2", "debian")]
    [InlineData("nginx:1.27-alpine", "1.27.5", "alpine")]
    [InlineData("busybox:1.28", "1.28.4", "busybox")]
    [InlineData("redis:7.2", "7.2.9", "debian")]
    [InlineData("postgres:16-alpine", "16.9", "alpine")]
    [InlineData("registry.k8s.io/pause:3.10", "3.10", "distroless")]
    [InlineData("python:3.12-slim", "3.12.11", "debian")]
    [InlineData("mysql:8.0", "8.0.42", "oraclelinux")]
    public void Resolve_FindsTagsAndTheirVariant(string image, string version, string osFamily)
    {
        var resolution = Resolve(new ImageCatalog(), image);

        Assert.True(resolution.Succeeded, resolution.Error?.Message);
        Assert.Equal(version, resolution.Image!.Version);
        Assert.Equal(osFamily, resolution.Image.Variant.Os.Family);
    }

    [Fact]
    public void Resolve_ReportsImageIdentityForContainerStatus()
    {
        var image = Resolve(new ImageCatalog(), "nginx:1.27").Image!;

        Assert.Equal("docker.io/library/nginx:1.27", image.Image);
        Assert.Matches("^docker.io/library/nginx@sha256:[0-9a-f]{64}$", image.ImageId);
        Assert.Equal(image.ImageId, Resolve(new ImageCatalog(), "nginx:1.27").Image!.ImageId);
        Assert.NotEqual(image.ImageId, Resolve(new ImageCatalog(), "nginx:1.26").Image!.ImageId);
    }

    [Fact]
    public void Resolve_MissingTag_FailsWithContainerdNotFound()
    {
        var error = Resolve(new ImageCatalog(), "nginx:invalid-tag").Error!;

        Assert.Equal(ImagePullFailure.TagNotFound, error.Failure);
        Assert.Equal(
            "failed to pull and unpack image \"docker.io/library/nginx:invalid-tag\": failed to resolve reference " +
            "\"docker.io/library/nginx:invalid-tag\": docker.io/library/nginx:invalid-tag: not found",
            error.Message);
        Assert.StartsWith("rpc error: code = NotFound desc = failed to pull and unpack image", error.KubeletMessage);
        Assert.Equal("Failed to pull image \"nginx:invalid-tag\": " + error.KubeletMessage, error.EventMessage("nginx:invalid-tag"));
    }

    [Fact]
    public void Resolve_UnknownDockerHubRepository_FailsWithPullAccessDenied()
    {
        var error = Resolve(new ImageCatalog(), "acme/does-not-exist:1.0").Error!;

        Assert.Equal(ImagePullFailure.RepositoryNotFound, error.Failure);
        Assert.Equal("Unknown", error.GrpcCode);
        Assert.Contains("failed to resolve reference \"docker.io/acme/does-not-exist:1.0\": pull access denied, repository does not exist or may require authorization", error.Message);
    }

    [Fact]
    public void Resolve_UnknownRepositoryOnOtherRegistry_FailsWithNotFound()
    {
        var error = Resolve(new ImageCatalog(), "registry.k8s.io/no-such-image:1.0").Error!;

        Assert.Equal(ImagePullFailure.RepositoryNotFound, error.Failure);
        Assert.EndsWith("registry.k8s.io/no-such-image:1.0: not found", error.Message);
    }

    [Fact]
    public void Resolve_UnknownRegistry_FailsWithDnsError()
    {
        var error = new ImageCatalog { NodeNameserver = "10.0.0.2:53" }.Resolve(ImageReference.Parse("my.registry.example/team/app:1.0")).Error!;

        Assert.Equal(ImagePullFailure.RegistryUnreachable, error.Failure);
        Assert.Equal(
            "failed to pull and unpack image \"my.registry.example/team/app:1.0\": failed to resolve reference " +
            "\"my.registry.example/team/app:1.0\": failed to do request: Head \"https://my.registry.example/v2/team/app/manifests/1.0\": " +
            "dial tcp: lookup my.registry.example on 10.0.0.2:53: no such host",
            error.Message);
    }

    [Fact]
    public void Resolve_LocalhostRegistry_FailsWithConnectionRefused()
    {
        var error = Resolve(new ImageCatalog(), "localhost:5000/app:dev").Error!;

        Assert.EndsWith("dial tcp [::1]:5000: connect: connection refused", error.Message);
    }

    [Fact]
    public void Resolve_Digest_AcceptsAnyWellFormedDigestOfAKnownRepository()
    {
        var digest = "sha256:" + new string('c', 64);

        var image = Resolve(new ImageCatalog(), "redis@" + digest).Image!;

        Assert.Equal(digest, image.Digest);
        Assert.Equal("docker.io/library/redis@" + digest, image.ImageId);
    }

    [Fact]
    public void Bitnami_VersionedTagsMovedToLegacyRepository()
    {
        var catalog = new ImageCatalog();

        Assert.False(Resolve(catalog, "bitnami/redis:7.2").Succeeded);
        Assert.True(Resolve(catalog, "bitnami/redis:latest").Succeeded);
        Assert.True(Resolve(catalog, "bitnamilegacy/redis:7.2").Succeeded);
    }

    [Fact]
    public void LoadOverrides_AddsAnImageInANewRegistry()
    {
        var catalog = new ImageCatalog();
        Assert.False(Resolve(catalog, "my.registry.example/team/api:2.1").Succeeded);

        catalog.LoadOverrides("""
            images:
              - repository: my.registry.example/team/api
                os: alpine:3.21
                entrypoint: [/app/api]
                executables: [/app/api]
                programs:
                  api:
                    logs:
                      - at: 1s
                        lines: ["listening on :{{env:PORT:8080}}"]
                    ports: [8080]
                tags: {"2.1": , latest: "2.1"}
            """);

        var image = Resolve(catalog, "my.registry.example/team/api:2.1").Image!;
        Assert.Equal("2.1", image.Version);
        Assert.True(image.Variant.HasExecutable("/app/api"));
        Assert.True(image.Variant.HasExecutable("/bin/sh"));
        Assert.Equal(ImagePullFailure.RepositoryNotFound, Resolve(catalog, "my.registry.example/team/other:1").Error!.Failure);
    }

    [Fact]
    public void LoadOverrides_NewTagOfExistingImageInheritsItsPrograms()
    {
        var catalog = new ImageCatalog();

        catalog.LoadOverrides("""
            images:
              - repository: nginx
                variants:
                  - os: debian:12
                    vars: {compiler: "gcc 12.2.0 (Debian 12.2.0-14)"}
                    tags: {"1.99": 1.99.0}
            """);

        var image = Resolve(catalog, "nginx:1.99").Image!;
        Assert.NotNull(image.Variant.FindProgram("nginx"));
        Assert.Equal("1.99.0", image.Version);
        Assert.True(Resolve(catalog, "nginx:1.27").Succeeded);
    }

    [Fact]
    public void LoadOverrides_ImageLevelFieldsChangeEveryVariant()
    {
        var catalog = new ImageCatalog();

        catalog.LoadOverrides("""
            images:
              - repository: memcached
                memory: 64Mi
            """);

        Assert.Equal(64 * 1024 * 1024, Resolve(catalog, "memcached:1.6").Image!.Variant.MemoryBytes);
        Assert.Equal(64 * 1024 * 1024, Resolve(catalog, "memcached:alpine").Image!.Variant.MemoryBytes);
    }

    [Fact]
    public void LoadOverrides_RegistriesListMakesARegistryReachable()
    {
        var catalog = new ImageCatalog();

        catalog.LoadOverrides("registries: [harbor.internal]");

        Assert.Equal(ImagePullFailure.RepositoryNotFound, Resolve(catalog, "harbor.internal/x/y:1").Error!.Failure);
    }

    [Theory]
    [InlineData("images: [", "line")]
    [InlineData("images:\n  - repository: nginx\n    colour: blue\n", "unknown field \"colour\"")]
    [InlineData("images:\n  - os: alpine\n    tags: {a: }\n", "has no \"repository\"")]
    [InlineData("images:\n  - repository: nginx:1.0\n    os: alpine\n", "must not carry a tag")]
    [InlineData("images:\n  - repository: Bad/Name\n    os: alpine\n", "must be lowercase")]
    [InlineData("images:\n  - repository: example.com/a\n    tags: {a: }\n", "has no \"os\"")]
    [InlineData("images:\n  - repository: example.com/a\n    os: windows\n    tags: {a: }\n", "unknown os \"windows\"")]
    [InlineData("images:\n  - repository: example.com/a\n    os: alpine\n    memory: lots\n    tags: {a: }\n", "memory \"lots\" is not a quantity")]
    [InlineData("images:\n  - repository: example.com/a\n    os: alpine\n    executables: [app]\n    tags: {a: }\n", "must be an absolute path")]
    [InlineData("images:\n  - repository: example.com/a\n    os: alpine\n    programs:\n      app:\n        logs:\n          - lines: [\"{{nope}}\"]\n    tags: {a: }\n", "unknown placeholder {{nope}}")]
    [InlineData("images:\n  - repository: example.com/a\n    os: alpine\n    programs:\n      app:\n        logs:\n          - at: soon\n            lines: [x]\n    tags: {a: }\n", "at \"soon\" is not a duration")]
    public void LoadOverrides_RejectsMalformedYamlWithAClearMessage(string yaml, string expected)
    {
        var catalog = new ImageCatalog();

        var error = Assert.Throws<ImageCatalogException>(() => catalog.LoadOverrides(yaml));

        Assert.Contains(expected, error.Message);
        Assert.True(Resolve(catalog, "nginx").Succeeded, "a failed load must leave the catalog unchanged");
    }

    [Fact]
    public void BuiltinCatalog_EveryProgramLineRenders()
    {
        var catalog = new ImageCatalog();
        foreach (var repository in catalog.Repositories)
        {
            foreach (var variant in catalog.VariantsOf(repository))
            {
                Assert.NotEmpty(variant.Tags);
                foreach (var group in variant.Programs.Values.SelectMany(p => p.AllLogGroups()))
                {
                    foreach (var line in group.Lines)
                    {
                        Assert.Empty(LogTemplate.UnknownPlaceholders(line));
                        Assert.DoesNotContain("{{", LogTemplate.Render(line, new TemplateScope { Version = "1" }, TimeSpan.Zero));
                    }
                }
            }
        }
    }
}
