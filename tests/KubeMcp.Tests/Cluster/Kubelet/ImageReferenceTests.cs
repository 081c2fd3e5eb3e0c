using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "docker.io/library/nginx:latest")]
    [InlineData("nginx:1.27", "docker.io/library/nginx:1.27")]
    [InlineData("library/nginx:alpine", "docker.io/library/nginx:alpine")]
    [InlineData("bitnami/redis", "docker.io/bitnami/redis:latest")]
    [InlineData("docker.io/nginx", "docker.io/library/nginx:latest")]
    [InlineData("index.docker.io/library/busybox:1.36", "docker.io/library/busybox:1.36")]
    [InlineData("registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10")]
    [InlineData("quay.io/prometheus/prometheus:v3.4.1", "quay.io/prometheus/prometheus:v3.4.1")]
    [InlineData("localhost:5000/app", "localhost:5000/app:latest")]
    [InlineData("localhost/app:dev", "localhost/app:dev")]
    [InlineData("my.registry.example:8443/team/app:1.0", "my.registry.example:8443/team/app:1.0")]
    [InlineData("[fd00::1]:5000/app:1", "[fd00::1]:5000/app:1")]
    public void Parse_NormalisesLikeContainerd(string image, string expected) =>
        Assert.Equal(expected, ImageReference.Parse(image).ToString());

    [Fact]
    public void Parse_SplitsDomainPathTagAndKeepsTheOriginal()
    {
        var reference = ImageReference.Parse("ghcr.io/acme/tools/cli:v2");

        Assert.Equal("ghcr.io", reference.Domain);
        Assert.Equal("acme/tools/cli", reference.Path);
        Assert.Equal("v2", reference.Tag);
        Assert.Null(reference.Digest);
        Assert.Equal("ghcr.io/acme/tools/cli", reference.Repository);
        Assert.Equal("ghcr.io/acme/tools/cli:v2", reference.Original);
    }

    [Fact]
    public void Parse_KeepsDigestWithoutDefaultTag()
    {
        var digest = "sha256:" + new string('a', 64);

        var byDigest = ImageReference.Parse("nginx@" + digest);
        var both = ImageReference.Parse("nginx:1.27@" + digest);

        Assert.Null(byDigest.Tag);
        Assert.Equal(digest, byDigest.Digest);
        Assert.Equal("docker.io/library/nginx@" + digest, byDigest.ToString());
        Assert.Equal("docker.io/library/nginx:1.27@" + digest, both.ToString());
    }

    [Fact]
    public void Parse_UppercaseRepository_FailsWithTheKubeletMessage()
    {
        var error = Assert.Throws<InvalidImageNameException>(() => ImageReference.Parse("Nginx"));

        Assert.Equal(
            "Failed to apply default image tag \"Nginx\": couldn't parse image name \"Nginx\": invalid reference format: " +
            "repository name (library/Nginx) must be lowercase",
            error.Message);
        Assert.Equal("InvalidImageName", InvalidImageNameException.WaitingReason);
    }

    [Theory]
    [InlineData("nginx:", "invalid reference format")]
    [InlineData("nginx::1", "invalid reference format")]
    [InlineData("nginx:latest:1", "invalid reference format")]
    [InlineData("ngi nx", "invalid reference format")]
    [InlineData("nginx:-bad", "invalid reference format")]
    [InlineData("-nginx", "invalid reference format")]
    [InlineData("", "invalid reference format")]
    [InlineData("nginx@sha256:abc", "invalid reference format")]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef", "invalid checksum digest length")]
    [InlineData("nginx@md5:0123456789abcdef0123456789abcdef", "unsupported digest algorithm")]
    [InlineData("acme/App:1", "invalid reference format: repository name (acme/App) must be lowercase")]
    public void Parse_RejectsMalformedReferences(string image, string expected)
    {
        var error = Assert.Throws<InvalidImageNameException>(() => ImageReference.Parse(image));

        Assert.Equal(expected, error.ParseError);
        Assert.StartsWith($"Failed to apply default image tag \"{image}\": couldn't parse image name \"{image}\": ", error.Message);
    }

    [Fact]
    public void Parse_RejectsBareImageIds()
    {
        var id = new string('f', 64);

        var error = Assert.Throws<InvalidImageNameException>(() => ImageReference.Parse(id));

        Assert.Equal($"invalid repository name ({id}), cannot specify 64-byte hexadecimal strings", error.ParseError);
    }

    [Fact]
    public void Parse_RejectsOverlongNames()
    {
        var image = "example.com/" + new string('a', 250);

        Assert.False(ImageReference.TryParse(image, out _, out var error));
        Assert.Equal("invalid reference format: repository name must not be more than 255 characters", error);
    }
}
