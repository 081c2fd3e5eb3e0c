namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>
/// The fixed facts of one container derived from its <see cref="ContainerProgram"/>: the process environment as the
/// runtime builds it, the user, the working directory and the file tree before anything runs.
/// </summary>
internal sealed class ContainerEnvironment
{
    private ContainerEnvironment(ContainerProgram program, IReadOnlyList<KeyValuePair<string, string>> processEnv,
        UserInfo user, string workingDir, IReadOnlyDictionary<string, string> files, IReadOnlySet<string> mounted)
    {
        Program = program;
        ProcessEnv = processEnv;
        User = user;
        WorkingDir = workingDir;
        Files = files;
        MountedFiles = mounted;
    }

    public ContainerProgram Program { get; }

    public ImageVariant Variant => Program.Image.Variant;

    public OsProfile Os => Variant.Os;

    /// <summary>The environment of PID 1: PATH, HOSTNAME, the image's ENV, the pod's env, HOME — as the runtime orders them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ProcessEnv { get; }

    public UserInfo User { get; }

    public string WorkingDir { get; }

    public string Hostname => Program.PodName;

    /// <summary>Every file in the container before it runs, canonical path to content.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public IReadOnlySet<string> MountedFiles { get; }

    public string Canonical(string path) => Os.CanonicalPath(path);

    public VirtualFileSystem CreateFileSystem() =>
        new(Files, Variant.Executables, MountedFiles, Canonical);

    public TemplateScope Scope(IReadOnlyList<string> args, Func<string, string?> env) => new()
    {
        ContainerStartedAt = Program.StartedAt,
        Version = Program.Image.Version,
        Hostname = Hostname,
        PodIP = Program.PodIP,
        Namespace = Program.Namespace,
        Kernel = Program.NodeKernel,
        Vars = Variant.Vars,
        Env = env,
        Args = args,
    };

    public static ContainerEnvironment Create(ContainerProgram program)
    {
        var variant = program.Image.Variant;
        var user = UserInfo.Resolve(variant.User, program.RunAsUser);
        var imageScope = new TemplateScope { Version = program.Image.Version, Vars = variant.Vars, Hostname = program.PodName };

        var env = new List<KeyValuePair<string, string>>();
        void Set(string name, string value)
        {
            var index = env.FindIndex(e => e.Key == name);
            if (index >= 0)
            {
                env[index] = new(name, value);
            }
            else
            {
                env.Add(new(name, value));
            }
        }
        Set("PATH", variant.Env.FirstOrDefault(e => e.Key == "PATH").Value ?? OsProfile.DefaultPath);
        Set("HOSTNAME", program.PodName);
        foreach (var (name, value) in variant.Env)
        {
            Set(name, LogTemplate.Render(value, imageScope, TimeSpan.Zero));
        }
        foreach (var (name, value) in program.Env)
        {
            Set(name, value);
        }
        if (env.All(e => e.Key != "HOME"))
        {
            env.Add(new("HOME", user.Home));
        }

        var files = new Dictionary<string, string>(variant.Files, StringComparer.Ordinal)
        {
            [variant.Os.CanonicalPath("/etc/hostname")] = program.PodName + "\n",
            [variant.Os.CanonicalPath("/etc/hosts")] =
                "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n" +
                "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n" +
                $"{program.PodIP}\t{program.PodName}\n",
            [variant.Os.CanonicalPath("/etc/resolv.conf")] =
                $"search {program.Namespace}.svc.cluster.local svc.cluster.local cluster.local\n" +
                $"nameserver {program.ClusterDns}\noptions ndots:5\n",
        };
        var mounted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, content) in program.Files)
        {
            var key = variant.Os.CanonicalPath(VirtualFileSystem.Normalize(path, "/"));
            files[key] = content;
            mounted.Add(key);
        }
        var workingDir = program.WorkingDir is { Length: > 0 } wd ? VirtualFileSystem.Normalize(wd, "/") : variant.WorkingDir;
        return new ContainerEnvironment(program, env, user, workingDir, files, mounted);
    }
}
