namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// The base operating system layer of an image: which shell <c>/bin/sh</c> is, which userland tools exist and where,
/// and the files every container of that base has. Written in the catalog as <c>os: debian:12</c>,
/// <c>alpine:3.21</c>, <c>ubuntu:24.04</c>, <c>busybox</c>, <c>oraclelinux:9</c>, <c>distroless</c> or <c>scratch</c>.
/// </summary>
internal sealed class OsProfile
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly string[] BusyboxApplets =
    [
        "[", "ash", "awk", "base64", "basename", "cat", "chmod", "chown", "cp", "cut", "date", "dd", "df", "dirname",
        "dmesg", "du", "echo", "env", "expr", "false", "find", "free", "grep", "gunzip", "gzip", "head", "hostname",
        "id", "ifconfig", "ip", "kill", "killall", "less", "ln", "ls", "md5sum", "mkdir", "mktemp", "more", "mount",
        "mv", "nc", "netstat", "nslookup", "ping", "printenv", "printf", "ps", "pwd", "readlink", "rm", "rmdir", "sed",
        "seq", "sh", "sha256sum", "sleep", "sort", "stat", "tail", "tar", "tee", "test", "timeout", "top", "touch",
        "tr", "traceroute", "true", "uname", "uniq", "uptime", "vi", "watch", "wc", "wget", "which", "whoami",
        "xargs", "yes",
    ];

    private static readonly string[] GnuTools =
    [
        "[", "arch", "awk", "base64", "basename", "cat", "chmod", "chown", "cp", "cut", "date", "dd", "df", "dirname",
        "du", "echo", "env", "expr", "false", "find", "grep", "gunzip", "gzip", "head", "id", "ln", "ls", "md5sum",
        "mkdir", "mktemp", "mount", "mv", "nproc", "printenv", "printf", "pwd", "readlink", "rm", "rmdir", "sed",
        "seq", "sha256sum", "sleep", "sort", "stat", "tail", "tar", "tee", "test", "timeout", "touch", "tr", "true",
        "uname", "uniq", "wc", "whoami", "xargs", "yes",
    ];

    private OsProfile(string spec, string family, string? version, ShellDialect sh, bool hasBash, ToolFamily tools,
        bool mergedUsr, IEnumerable<string> executables, IReadOnlyDictionary<string, string> files)
    {
        Spec = spec;
        Family = family;
        Version = version;
        Sh = sh;
        HasBash = hasBash;
        Tools = tools;
        MergedUsr = mergedUsr;
        Executables = new HashSet<string>(executables, StringComparer.Ordinal);
        Files = files;
    }

    /// <summary>As written in the catalog, for example <c>debian:12</c>.</summary>
    public string Spec { get; }

    public string Family { get; }

    public string? Version { get; }

    /// <summary>The dialect of <c>/bin/sh</c>; <see cref="ShellDialect.None"/> when there is no shell.</summary>
    public ShellDialect Sh { get; }

    public bool HasBash { get; }

    public ToolFamily Tools { get; }

    /// <summary>Whether <c>/bin</c> and <c>/sbin</c> are links into <c>/usr</c> (Debian 12+, Ubuntu, Oracle Linux).</summary>
    public bool MergedUsr { get; }

    /// <summary>Absolute paths of the executables the base layer provides.</summary>
    public IReadOnlySet<string> Executables { get; }

    /// <summary>Files the base layer provides (path to content), such as <c>/etc/os-release</c>.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Maps <c>/bin/x</c> to <c>/usr/bin/x</c> on merged-/usr systems so either spelling finds the file.</summary>
    public string CanonicalPath(string path)
    {
        if (!MergedUsr)
        {
            return path;
        }
        if (path.StartsWith("/bin/", StringComparison.Ordinal))
        {
            return "/usr" + path;
        }
        return path.StartsWith("/sbin/", StringComparison.Ordinal) ? "/usr" + path : path;
    }

    /// <summary>Resolves an <c>os:</c> value from the catalog.</summary>
    /// <exception cref="FormatException">The value names no known base.</exception>
    public static OsProfile Get(string spec)
    {
        var colon = spec.IndexOf(':');
        var family = colon < 0 ? spec : spec[..colon];
        var version = colon < 0 ? null : spec[(colon + 1)..];
        return family switch
        {
            "busybox" => Busybox(spec),
            "alpine" => Alpine(spec, version ?? "3.21"),
            "debian" => Debian(spec, version ?? "12"),
            "ubuntu" => Ubuntu(spec, version ?? "24.04"),
            "oraclelinux" => OracleLinux(spec, version ?? "9"),
            "distroless" or "scratch" => new OsProfile(spec, family, null, ShellDialect.None, false, ToolFamily.None, false, [], Empty),
            _ => throw new FormatException(
                $"unknown os \"{spec}\": use busybox, alpine[:VERSION], debian[:VERSION], ubuntu[:VERSION], oraclelinux[:VERSION], distroless or scratch"),
        };
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static OsProfile Busybox(string spec) =>
        new(spec, "busybox", null, ShellDialect.Ash, false, ToolFamily.Busybox, false,
            BusyboxApplets.Select(a => "/bin/" + a).Append("/bin/busybox"), Empty);

    private static OsProfile Alpine(string spec, string version)
    {
        var executables = BusyboxApplets.SelectMany(a => new[] { "/bin/" + a, "/usr/bin/" + a })
            .Concat(["/bin/busybox", "/sbin/apk", "/usr/bin/getent"]);
        var files = new Dictionary<string, string>
        {
            ["/etc/os-release"] =
                $"NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID={version}\nPRETTY_NAME=\"Alpine Linux v{version}\"\n" +
                "HOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n",
            ["/etc/alpine-release"] = version + "\n",
        };
        return new OsProfile(spec, "alpine", version, ShellDialect.Ash, false, ToolFamily.Busybox, false, executables, files);
    }

    private static OsProfile Debian(string spec, string version)
    {
        var codename = version switch
        {
            "10" => "buster",
            "11" => "bullseye",
            "13" => "trixie",
            "9" => "stretch",
            _ => "bookworm",
        };
        var files = new Dictionary<string, string>
        {
            ["/etc/os-release"] =
                $"PRETTY_NAME=\"Debian GNU/Linux {version} ({codename})\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"{version}\"\n" +
                $"VERSION=\"{version} ({codename})\"\nVERSION_CODENAME={codename}\nID=debian\nHOME_URL=\"https://www.debian.org/\"\n" +
                "SUPPORT_URL=\"https://www.debian.org/support\"\nBUG_REPORT_URL=\"https://bugs.debian.org/\"\n",
            ["/etc/debian_version"] = version + "\n",
        };
        // Releases before 12 keep a separate /bin, but every tool is reachable under both spellings on PATH, so
        // treating them as merged changes nothing a container could observe through the simulation.
        return new OsProfile(spec, "debian", version, ShellDialect.Dash, true, ToolFamily.Gnu, true, DebianLike(), files);
    }

    private static OsProfile Ubuntu(string spec, string version)
    {
        var codename = version switch
        {
            "20.04" => "focal",
            "22.04" => "jammy",
            "24.10" => "oracular",
            _ => "noble",
        };
        var files = new Dictionary<string, string>
        {
            ["/etc/os-release"] =
                $"PRETTY_NAME=\"Ubuntu {version} LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"{version}\"\nVERSION=\"{version} LTS\"\n" +
                $"VERSION_CODENAME={codename}\nID=ubuntu\nID_LIKE=debian\nHOME_URL=\"https://www.ubuntu.com/\"\n",
        };
        return new OsProfile(spec, "ubuntu", version, ShellDialect.Dash, true, ToolFamily.Gnu, true, DebianLike(), files);
    }

    private static OsProfile OracleLinux(string spec, string version)
    {
        // Oracle Linux slim: /bin/sh is bash, coreutils, microdnf; no hostname or procps.
        var executables = GnuTools.Select(t => "/usr/bin/" + t)
            .Concat(["/usr/bin/bash", "/usr/bin/sh", "/usr/bin/microdnf"]);
        var files = new Dictionary<string, string>
        {
            ["/etc/os-release"] =
                $"NAME=\"Oracle Linux Server\"\nVERSION=\"{version}\"\nID=\"ol\"\nVERSION_ID=\"{version}\"\n" +
                $"PRETTY_NAME=\"Oracle Linux Server {version}\"\nHOME_URL=\"https://linux.oracle.com/\"\n",
        };
        return new OsProfile(spec, "oraclelinux", version, ShellDialect.Bash, true, ToolFamily.Gnu, true, executables, files);
    }

    // Debian and Ubuntu base images: dash as sh, bash, coreutils, hostname, perl-base, apt; no procps (ps, top,
    // free), no curl, wget, nc, ping or editors.
    private static IEnumerable<string> DebianLike() =>
        GnuTools.Select(t => "/usr/bin/" + t)
            .Concat(["/usr/bin/sh", "/usr/bin/dash", "/usr/bin/bash", "/usr/bin/hostname", "/usr/bin/perl", "/usr/bin/getent",
                "/usr/bin/apt", "/usr/bin/apt-get", "/usr/bin/dpkg", "/usr/bin/zcat", "/usr/bin/mawk"]);
}
