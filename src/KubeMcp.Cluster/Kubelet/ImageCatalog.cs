using System.Collections.Immutable;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using KubeMcp.Cluster.Kubelet.Catalog;

namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// The images the simulated nodes can "pull": a built-in set of common public images with tags that exist upstream,
/// extended or changed by <see cref="LoadOverrides"/>. Resolving a reference either finds the image variant or
/// yields the pull error containerd would report (missing tag, missing repository, unreachable registry).
/// Safe for concurrent use; overrides replace an immutable snapshot.
/// </summary>
internal sealed class ImageCatalog
{
    private static readonly Lazy<Snapshot> BuiltinSnapshot = new(() =>
        BuiltinImages.Documents.Aggregate(Snapshot.Empty, (s, yaml) => s.With(CatalogLoader.Parse(yaml, "built-in image catalog"))));

    private readonly Lock gate = new();
    private volatile Snapshot current = BuiltinSnapshot.Value;

    /// <summary>The DNS server the node's resolver uses, as it appears in "no such host" pull errors.</summary>
    public string NodeNameserver { get; init; } = "127.0.0.53:53";

    /// <summary>Every repository the catalog knows, fully qualified.</summary>
    public IReadOnlyCollection<string> Repositories => current.Variants.Keys.ToList();

    /// <summary>
    /// Adds images or changes existing ones from YAML of the same shape as the built-in catalog. A variant listing a
    /// tag that already exists takes precedence over it; image-level fields change the defaults of every variant.
    /// Registries of added images (and those under <c>registries:</c>) become reachable.
    /// </summary>
    /// <exception cref="ImageCatalogException">The YAML is malformed or describes an image inconsistently.</exception>
    public void LoadOverrides(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var document = CatalogLoader.Parse(yaml, "image catalog overrides");
        lock (gate)
        {
            current = current.With(document);
        }
    }

    /// <summary>The variants of a repository, or an empty list.</summary>
    public IReadOnlyList<ImageVariant> VariantsOf(string repository) =>
        current.Variants.GetValueOrDefault(repository, []);

    /// <summary>Resolves a reference the way a pull would.</summary>
    public ImageResolution Resolve(ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var snapshot = current;
        var name = reference.ToString();
        var prefix = $"failed to pull and unpack image \"{name}\": failed to resolve reference \"{name}\": ";

        if (!snapshot.Registries.Contains(reference.Domain))
        {
            return ImageResolution.Failed(new ImagePullError(ImagePullFailure.RegistryUnreachable, "Unknown",
                prefix + UnreachableDetail(reference)));
        }
        if (!snapshot.Variants.TryGetValue(reference.Repository, out var variants) || variants.Count == 0)
        {
            return ImageResolution.Failed(reference.Domain == ImageReference.DockerHub
                ? new ImagePullError(ImagePullFailure.RepositoryNotFound, "Unknown",
                    prefix + "pull access denied, repository does not exist or may require authorization: " +
                    "server message: insufficient_scope: authorization failed")
                : new ImagePullError(ImagePullFailure.RepositoryNotFound, "NotFound", prefix + $"{name}: not found"));
        }

        var tagged = reference.Tag is null ? null : variants.FirstOrDefault(v => v.Tags.ContainsKey(reference.Tag));
        if (tagged is null && reference.Digest is null)
        {
            return ImageResolution.Failed(new ImagePullError(ImagePullFailure.TagNotFound, "NotFound", prefix + $"{name}: not found"));
        }

        // A digest pins content we cannot check; any well-formed digest of a known repository is accepted.
        var variant = tagged ?? variants.FirstOrDefault(v => v.Tags.ContainsKey("latest")) ?? variants[0];
        var version = reference.Tag is not null && variant.Tags.TryGetValue(reference.Tag, out var v) ? v
            : variant.Tags.GetValueOrDefault("latest", "");
        var digest = reference.Digest ?? StandInDigest(reference);
        return ImageResolution.Found(new ResolvedImage(reference, variant, version, digest));
    }

    private string UnreachableDetail(ImageReference reference)
    {
        var host = reference.Domain;
        var port = "443";
        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.EndsWith(']'))
        {
            port = host[(colon + 1)..];
            host = host[..colon];
        }
        var manifest = reference.Digest ?? reference.Tag;
        var request = $"failed to do request: Head \"https://{reference.Domain}/v2/{reference.Path}/manifests/{manifest}\": ";
        if (host == "localhost")
        {
            return request + $"dial tcp [::1]:{port}: connect: connection refused";
        }
        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return request + $"dial tcp {host}:{port}: i/o timeout";
        }
        return request + $"dial tcp: lookup {host} on {NodeNameserver}: no such host";
    }

    private static string StandInDigest(ImageReference reference) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference.ToString())));

    private sealed record Snapshot(
        ImmutableDictionary<string, ImmutableList<ImageDefinition>> Layers,
        ImmutableDictionary<string, IReadOnlyList<ImageVariant>> Variants,
        ImmutableHashSet<string> Registries)
    {
        public static readonly Snapshot Empty = new(
            ImmutableDictionary<string, ImmutableList<ImageDefinition>>.Empty,
            ImmutableDictionary<string, IReadOnlyList<ImageVariant>>.Empty,
            []);

        public Snapshot With(CatalogDocument document)
        {
            var layers = Layers;
            var variants = Variants;
            var registries = Registries.Union(document.Registries ?? []);
            foreach (var image in document.Images ?? [])
            {
                var reference = RepositoryOf(image);
                var stack = layers.GetValueOrDefault(reference.Repository, []).Add(image);
                layers = layers.SetItem(reference.Repository, stack);
                variants = variants.SetItem(reference.Repository, CatalogLoader.BuildVariants(reference.Repository, stack));
                registries = registries.Add(reference.Domain);
            }
            return new Snapshot(layers, variants, registries);
        }

        private static ImageReference RepositoryOf(ImageDefinition image)
        {
            if (string.IsNullOrWhiteSpace(image.Repository))
            {
                throw new ImageCatalogException("an image has no \"repository\" (for example repository: nginx or repository: ghcr.io/acme/app)");
            }
            if (!ImageReference.TryParse(image.Repository, out var reference, out var error))
            {
                throw new ImageCatalogException($"image repository \"{image.Repository}\" is not valid: {error}");
            }
            if (reference.Digest is not null || reference.Tag != "latest" || image.Repository.EndsWith(":latest", StringComparison.Ordinal))
            {
                throw new ImageCatalogException($"image repository \"{image.Repository}\" must not carry a tag or digest; list tags under \"tags\"");
            }
            return reference;
        }
    }
}
