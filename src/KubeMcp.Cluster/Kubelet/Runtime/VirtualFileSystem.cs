namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>
/// The container's file tree as the simulation knows it: base OS and image files, kubelet-managed files, mounted
/// ConfigMap/Secret files (read-only) and a writable overlay for what scripts create. Paths are absolute and
/// normalised; <c>/bin</c> and <c>/usr/bin</c> are the same place on merged-/usr images.
/// </summary>
internal sealed class VirtualFileSystem
{
    private static readonly string[] StandardDirectories =
        ["/", "/bin", "/dev", "/etc", "/home", "/lib", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin",
         "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/sbin",
         "/usr/share", "/var", "/var/log", "/var/run"];

    private readonly Func<string, string> canonical;
    private readonly IReadOnlyDictionary<string, string> baseFiles;
    private readonly IReadOnlySet<string> executables;
    private readonly IReadOnlySet<string> readOnly;
    private readonly IReadOnlySet<string> readOnlyDirectories;
    private readonly HashSet<string> baseDirectories;
    private readonly Dictionary<string, string?> overlay;
    private readonly HashSet<string> createdDirectories;

    public VirtualFileSystem(
        IReadOnlyDictionary<string, string> files,
        IReadOnlySet<string> executables,
        IReadOnlySet<string> mountedFiles,
        Func<string, string> canonical)
    {
        this.canonical = canonical;
        baseFiles = files;
        this.executables = executables;
        readOnly = mountedFiles;
        baseDirectories = [.. StandardDirectories];
        foreach (var path in files.Keys.Concat(executables))
        {
            for (var parent = Parent(path); parent is not null; parent = Parent(parent))
            {
                baseDirectories.Add(parent);
            }
        }
        // A directory that holds only mounted files is a volume mount, and volume mounts of ConfigMaps and
        // Secrets are read-only.
        readOnlyDirectories = mountedFiles.Select(Parent).OfType<string>()
            .Where(dir => files.Keys.Where(f => Parent(f) == dir).All(mountedFiles.Contains))
            .ToHashSet(StringComparer.Ordinal);
        overlay = new Dictionary<string, string?>(StringComparer.Ordinal);
        createdDirectories = new HashSet<string>(StringComparer.Ordinal);
    }

    private VirtualFileSystem(VirtualFileSystem other)
    {
        canonical = other.canonical;
        baseFiles = other.baseFiles;
        executables = other.executables;
        readOnly = other.readOnly;
        readOnlyDirectories = other.readOnlyDirectories;
        baseDirectories = other.baseDirectories;
        overlay = new Dictionary<string, string?>(other.overlay, StringComparer.Ordinal);
        createdDirectories = new HashSet<string>(other.createdDirectories, StringComparer.Ordinal);
    }

    /// <summary>A copy whose writes do not affect this one (for simulating loop iterations independently).</summary>
    public VirtualFileSystem Clone() => new(this);

    /// <summary>Makes <paramref name="path"/> absolute against <paramref name="cwd"/> and removes <c>.</c>, <c>..</c> and extra slashes.</summary>
    public static string Normalize(string path, string cwd)
    {
        var full = path.StartsWith('/') ? path : cwd.TrimEnd('/') + "/" + path;
        var parts = new List<string>();
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    public static string? Parent(string path)
    {
        if (path == "/")
        {
            return null;
        }
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    public bool IsExecutable(string path) => executables.Contains(canonical(path)) || IsFile(path) && Read(path)!.StartsWith("#!", StringComparison.Ordinal);

    public bool IsFile(string path)
    {
        var key = canonical(path);
        if (overlay.TryGetValue(key, out var content))
        {
            return content is not null;
        }
        return baseFiles.ContainsKey(key) || executables.Contains(key) || key is "/dev/null" or "/dev/stdout" or "/dev/stderr";
    }

    public bool IsDirectory(string path)
    {
        var key = canonical(path);
        return baseDirectories.Contains(key) || createdDirectories.Contains(key) ||
               overlay.Any(o => o.Value is not null && o.Key.StartsWith(key + "/", StringComparison.Ordinal));
    }

    public bool Exists(string path) => IsFile(path) || IsDirectory(path);

    /// <summary>The content of a file, or null if there is no such file. Executables read as empty.</summary>
    public string? Read(string path)
    {
        var key = canonical(path);
        if (overlay.TryGetValue(key, out var content))
        {
            return content;
        }
        if (baseFiles.TryGetValue(key, out var file))
        {
            return file;
        }
        return executables.Contains(key) || key == "/dev/null" ? "" : null;
    }

    /// <summary>The size in bytes of a file.</summary>
    public long Size(string path) => System.Text.Encoding.UTF8.GetByteCount(Read(path) ?? "");

    public bool IsReadOnly(string path)
    {
        var key = canonical(path);
        return readOnly.Contains(key) || (Parent(key) is { } dir && readOnlyDirectories.Contains(dir));
    }

    /// <summary>Writes or appends; returns an errno-style reason on failure (for the shell to word).</summary>
    public string? Write(string path, string text, bool append)
    {
        var key = canonical(path);
        if (key == "/dev/null")
        {
            return null;
        }
        if (IsDirectory(key))
        {
            return "Is a directory";
        }
        if (Parent(key) is { } dir && !IsDirectory(dir))
        {
            return "nonexistent directory";
        }
        if (IsReadOnly(key))
        {
            return "Read-only file system";
        }
        overlay[key] = append ? (Read(key) ?? "") + text : text;
        return null;
    }

    public string? Delete(string path)
    {
        var key = canonical(path);
        if (!IsFile(key))
        {
            return "No such file or directory";
        }
        if (IsReadOnly(key))
        {
            return "Read-only file system";
        }
        overlay[key] = null;
        return null;
    }

    public string? CreateDirectory(string path, bool parents)
    {
        var key = canonical(path);
        if (IsDirectory(key))
        {
            return parents ? null : "File exists";
        }
        var parent = Parent(key);
        if (parent is not null && !IsDirectory(parent))
        {
            if (!parents)
            {
                return "No such file or directory";
            }
            CreateDirectory(parent, true);
        }
        createdDirectories.Add(key);
        return null;
    }

    /// <summary>The names directly inside a directory, sorted as <c>ls</c> sorts them.</summary>
    public IReadOnlyList<string> List(string directory)
    {
        var key = canonical(directory);
        var prefix = key == "/" ? "/" : key + "/";
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Consider(string path)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length)
            {
                var rest = path[prefix.Length..];
                var slash = rest.IndexOf('/');
                names.Add(slash < 0 ? rest : rest[..slash]);
            }
        }
        foreach (var path in baseFiles.Keys.Concat(executables).Concat(baseDirectories).Concat(createdDirectories))
        {
            if (!overlay.TryGetValue(path, out var o) || o is not null)
            {
                Consider(path);
            }
        }
        foreach (var (path, content) in overlay)
        {
            if (content is not null)
            {
                Consider(path);
            }
        }
        if (key == "/dev")
        {
            names.UnionWith(["null", "stderr", "stdout", "zero"]);
        }
        return [.. names];
    }
}
