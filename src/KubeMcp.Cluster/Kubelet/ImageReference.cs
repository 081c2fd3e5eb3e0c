using System.Text.RegularExpressions;

namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// A container image reference normalised the way the kubelet and containerd do it: <c>nginx</c> becomes
/// <c>docker.io/library/nginx:latest</c>, <c>bitnami/redis</c> becomes <c>docker.io/bitnami/redis:latest</c>,
/// <c>index.docker.io</c> is folded into <c>docker.io</c>, and a digest is kept alongside any tag.
/// </summary>
internal sealed partial record ImageReference
{
    public const string DockerHub = "docker.io";
    private const string LegacyDockerHub = "index.docker.io";
    private const string OfficialPrefix = "library/";
    private const int MaxNameLength = 255;

    private ImageReference(string original, string domain, string path, string? tag, string? digest)
    {
        Original = original;
        Domain = domain;
        Path = path;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The reference exactly as written in the pod spec.</summary>
    public string Original { get; }

    /// <summary>The registry host (and port), for example <c>docker.io</c> or <c>localhost:5000</c>.</summary>
    public string Domain { get; }

    /// <summary>The repository path inside the registry, for example <c>library/nginx</c>.</summary>
    public string Path { get; }

    /// <summary>The tag: the one written, or <c>latest</c> when neither tag nor digest was given. Null for digest-only references.</summary>
    public string? Tag { get; }

    /// <summary>The digest (<c>sha256:…</c>) when one was written.</summary>
    public string? Digest { get; }

    /// <summary>The fully qualified repository, for example <c>docker.io/library/nginx</c>.</summary>
    public string Repository => $"{Domain}/{Path}";

    /// <summary>The fully qualified reference containerd pulls, for example <c>docker.io/library/nginx:1.27</c>.</summary>
    public override string ToString() =>
        Repository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>
    /// Parses and normalises an image reference.
    /// </summary>
    /// <exception cref="InvalidImageNameException">The reference is malformed; the message is the kubelet's.</exception>
    public static ImageReference Parse(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!TryParse(image, out var reference, out var error))
        {
            throw new InvalidImageNameException(image, error);
        }
        return reference;
    }

    /// <summary>Parses an image reference; on failure <paramref name="error"/> is the bare parser error.</summary>
    public static bool TryParse(string image, out ImageReference reference, out string error)
    {
        reference = null!;
        if (HexIdentifier().IsMatch(image))
        {
            error = $"invalid repository name ({image}), cannot specify 64-byte hexadecimal strings";
            return false;
        }

        var (domain, remainder) = SplitDomain(image);
        var tagSeparator = remainder.IndexOf(':');
        var remoteName = tagSeparator >= 0 ? remainder[..tagSeparator] : remainder;
        if (!string.Equals(remoteName.ToLowerInvariant(), remoteName, StringComparison.Ordinal))
        {
            error = $"invalid reference format: repository name ({remoteName}) must be lowercase";
            return false;
        }

        var full = domain + "/" + remainder;
        var match = ReferencePattern().Match(full);
        if (!match.Success)
        {
            error = ReferencePattern().IsMatch(full.ToLowerInvariant())
                ? "invalid reference format: repository name must be lowercase"
                : "invalid reference format";
            return false;
        }

        var name = match.Groups["name"].Value;
        if (name.Length > MaxNameLength)
        {
            error = $"invalid reference format: repository name must not be more than {MaxNameLength} characters";
            return false;
        }

        string? digest = null;
        if (match.Groups["digest"].Success)
        {
            digest = match.Groups["digest"].Value;
            if (ValidateDigest(digest) is { } digestError)
            {
                error = digestError;
                return false;
            }
        }

        string? tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        if (tag is null && digest is null)
        {
            tag = "latest";
        }

        var path = name[(domain.Length + 1)..];
        reference = new ImageReference(image, domain, path, tag, digest);
        error = "";
        return true;
    }

    // The first path component is a registry host only if it looks like one (has a dot or port, or is localhost);
    // otherwise the image lives on Docker Hub, and single-segment names are official "library/" images.
    private static (string Domain, string Remainder) SplitDomain(string name)
    {
        var slash = name.IndexOf('/');
        string domain, remainder;
        if (slash < 0)
        {
            (domain, remainder) = (DockerHub, name);
        }
        else
        {
            var first = name[..slash];
            var looksLikeHost = first.IndexOfAny(['.', ':']) >= 0 || first == "localhost" ||
                                !string.Equals(first.ToLowerInvariant(), first, StringComparison.Ordinal);
            (domain, remainder) = looksLikeHost ? (first, name[(slash + 1)..]) : (DockerHub, name);
        }
        if (domain == LegacyDockerHub)
        {
            domain = DockerHub;
        }
        if (domain == DockerHub && !remainder.Contains('/'))
        {
            remainder = OfficialPrefix + remainder;
        }
        return (domain, remainder);
    }

    private static string? ValidateDigest(string digest)
    {
        var colon = digest.IndexOf(':');
        var algorithm = digest[..colon];
        var encoded = digest[(colon + 1)..];
        int? expectedLength = algorithm switch
        {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => null,
        };
        if (expectedLength is null)
        {
            return AlgorithmPattern().IsMatch(algorithm) ? "unsupported digest algorithm" : "invalid checksum digest format";
        }
        if (encoded.Length != expectedLength)
        {
            return "invalid checksum digest length";
        }
        return LowerHex().IsMatch(encoded) ? null : "invalid checksum digest format";
    }

    // The grammar of github.com/distribution/reference: lowercase path components joined by separators,
    // an optional host[:port] first component, a tag of word characters, and an algorithm:hex digest.
    private const string PathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Host = "(?:" + DomainComponent + @"(?:\." + DomainComponent + @")*|\[[a-fA-F0-9:]+\])";
    private const string Name = "(?:" + Host + "(?::[0-9]+)?/)?" + PathComponent + "(?:/" + PathComponent + ")*";
    private const string TagPattern = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private const string DigestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    [GeneratedRegex("^(?<name>" + Name + ")(?::(?<tag>" + TagPattern + "))?(?:@(?<digest>" + DigestPattern + "))?$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^[a-f0-9]{64}$")]
    private static partial Regex HexIdentifier();

    [GeneratedRegex("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$")]
    private static partial Regex AlgorithmPattern();

    [GeneratedRegex("^[a-f0-9]+$")]
    private static partial Regex LowerHex();
}
