namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// One build flavour of a catalog image (for example nginx on Debian versus nginx on Alpine) with the tags that
/// point at it. Everything here is the effective configuration after image-level defaults and overrides are merged.
/// </summary>
internal sealed class ImageVariant
{
    /// <summary>The fully qualified repository, for example <c>docker.io/library/nginx</c>.</summary>
    public required string Repository { get; init; }

    public required OsProfile Os { get; init; }

    /// <summary>Tags of this variant mapped to the program version they carry.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The image's <c>ENTRYPOINT</c>.</summary>
    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    /// <summary>The image's <c>CMD</c>.</summary>
    public IReadOnlyList<string> Cmd { get; init; } = [];

    /// <summary>The image's <c>ENV</c>, in declaration order; values may use <c>{{version}}</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    /// <summary>Absolute paths of every executable in the image (base OS included).</summary>
    public required IReadOnlySet<string> Executables { get; init; }

    /// <summary>Files in the image (base OS included), path to content.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>The image's <c>USER</c>: a name, a numeric id, or <c>name:uid</c>.</summary>
    public string User { get; init; } = "root";

    /// <summary>The image's <c>WORKDIR</c>.</summary>
    public string WorkingDir { get; init; } = "/";

    /// <summary>Free-form values log templates read with <c>{{var:NAME}}</c>.</summary>
    public IReadOnlyDictionary<string, string> Vars { get; init; } = new Dictionary<string, string>();

    /// <summary>Known programs by executable name (basename).</summary>
    public IReadOnlyDictionary<string, ProgramBehavior> Programs { get; init; } = new Dictionary<string, ProgramBehavior>();

    /// <summary>Memory a healthy container of this image uses when its program declares none.</summary>
    public long MemoryBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Idle CPU use when the program declares none.</summary>
    public long CpuMillicores { get; init; } = 1;

    public bool HasExecutable(string absolutePath) => Executables.Contains(Os.CanonicalPath(absolutePath));

    public bool HasFile(string absolutePath) => Files.ContainsKey(Os.CanonicalPath(absolutePath));

    /// <summary>The behaviour of the program an executable path or name runs, if the catalog knows it.</summary>
    public ProgramBehavior? FindProgram(string pathOrName)
    {
        var slash = pathOrName.LastIndexOf('/');
        var name = slash >= 0 ? pathOrName[(slash + 1)..] : pathOrName;
        return Programs.GetValueOrDefault(name);
    }
}
