using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class ExecInterpreterTests
{
    private static readonly Dictionary<string, string> ConfigFiles = new()
    {
        ["/etc/config/app.conf"] = "color=blue\n",
        ["/etc/config/feature.flags"] = "beta=on\n",
    };

    [Fact]
    public void Ls_ListsMountedDirectoriesOnePerLine()
    {
        var result = Sim.Exec(Sim.Container("nginx:alpine", files: ConfigFiles), "ls", "/etc/config");

        Assert.Equal(new ExecResult("app.conf\nfeature.flags\n", "", 0), result);
    }

    [Fact]
    public void Ls_LongFormatAndMissingPaths()
    {
        var container = Sim.Container("nginx", files: ConfigFiles);

        var listing = Sim.Exec(container, "ls", "-l", "/etc/config");
        var missing = Sim.Exec(container, "ls", "/nope");

        Assert.StartsWith("total ", listing.Stdout);
        Assert.Contains("-rw-r--r-- 1 root root 11 Mar 14 09:26 app.conf", listing.Stdout);
        Assert.Equal(new ExecResult("", "ls: cannot access '/nope': No such file or directory\n", 2), missing);
    }

    [Fact]
    public void Ls_ShowsStandardAndImageDirectories()
    {
        var root = Sim.Exec(Sim.Container("nginx"), "ls", "/").Stdout.Split('\n');
        var html = Sim.Exec(Sim.Container("nginx"), "ls", "/usr/share/nginx/html").Stdout;

        Assert.Contains("etc", root);
        Assert.Contains("usr", root);
        Assert.Contains("tmp", root);
        Assert.Equal("50x.html\nindex.html\n", html);
    }

    [Fact]
    public void Cat_ReadsMountedImageAndKubeletFiles()
    {
        var container = Sim.Container("nginx", files: ConfigFiles);

        Assert.Equal("color=blue\n", Sim.Exec(container, "cat", "/etc/config/app.conf").Stdout);
        Assert.Contains("<title>Welcome to nginx!</title>", Sim.Exec(container, "cat", "/usr/share/nginx/html/index.html").Stdout);
        Assert.Equal("web-7d4b9c6f5-x2k8p\n", Sim.Exec(container, "cat", "/etc/hostname").Stdout);
        Assert.StartsWith("search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\n", Sim.Exec(container, "cat", "/etc/resolv.conf").Stdout);
        Assert.Contains("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"", Sim.Exec(container, "cat", "/etc/os-release").Stdout);
    }

    [Fact]
    public void EnvAndPrintenv_ShowTheContainerEnvironment()
    {
        var container = Sim.Container("redis", env: [("APP", "cart")]);

        Assert.Contains("APP=cart\n", Sim.Exec(container, "env").Stdout);
        Assert.Equal(new ExecResult("cart\n", "", 0), Sim.Exec(container, "printenv", "APP"));
        Assert.Equal(new ExecResult("", "", 1), Sim.Exec(container, "printenv", "NOPE"));
    }

    [Fact]
    public void Ps_ListsTheContainersProcesses()
    {
        var result = Sim.Exec(Sim.Container("nginx:alpine"), "ps");

        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("PID   USER     TIME  COMMAND", lines[0]);
        Assert.Equal("    1 root      0:00 nginx: master process nginx -g daemon off;", lines[1]);
        Assert.Equal("   29 nginx     0:00 nginx: worker process", lines[2]);
        Assert.EndsWith(" root      0:00 ps", lines[^1]);
    }

    [Fact]
    public void Ps_IsMissingFromDebianImages()
    {
        var result = Sim.Exec(Sim.Container("nginx"), "ps", "aux");

        Assert.Equal(126, result.ExitCode);
        Assert.Equal("OCI runtime exec failed: exec failed: unable to start container process: exec: \"ps\": executable file not found in $PATH: unknown\n", result.Stderr);
    }

    [Fact]
    public void IdentityCommands_ReflectTheImageUser()
    {
        var root = Sim.Container("nginx");
        var bitnami = Sim.Container("bitnami/redis", env: [("ALLOW_EMPTY_PASSWORD", "yes")]);

        Assert.Equal("uid=0(root) gid=0(root) groups=0(root)\n", Sim.Exec(root, "id").Stdout);
        Assert.Equal("root\n", Sim.Exec(root, "whoami").Stdout);
        Assert.Equal("uid=1001 gid=0(root) groups=0(root)\n", Sim.Exec(bitnami, "id").Stdout);
        Assert.Equal(new ExecResult("", "whoami: cannot find name for user ID 1001\n", 1), Sim.Exec(bitnami, "whoami"));
    }

    [Fact]
    public void SystemCommands_DescribeTheSimulatedHost()
    {
        var container = Sim.Container("busybox", command: ["sleep", "3600"]);

        Assert.Equal("web-7d4b9c6f5-x2k8p\n", Sim.Exec(container, "hostname").Stdout);
        Assert.Equal("/\n", Sim.Exec(container, "pwd").Stdout);
        Assert.Equal("Linux web-7d4b9c6f5-x2k8p 6.8.0-60-generic #1 SMP PREEMPT_DYNAMIC Wed Jan  1 00:00:00 UTC 2025 x86_64 Linux\n", Sim.Exec(container, "uname", "-a").Stdout);
        Assert.Equal("Fri Mar 14 09:31:53 UTC 2025\n", Sim.Exec(container, "date").Stdout);
        Assert.Equal("hi there\n", Sim.Exec(container, "echo", "hi", "there").Stdout);
    }

    [Fact]
    public void ShellCommand_RunsOverTheSameEnvironment()
    {
        var result = Sim.Exec(Sim.Container("nginx:alpine", files: ConfigFiles), "sh", "-c", "cd /etc/config && for f in *; do echo \"$f: $(cat $f)\"; done; echo $HOSTNAME");

        Assert.Equal(new ExecResult("app.conf: color=blue\nfeature.flags: beta=on\nweb-7d4b9c6f5-x2k8p\n", "", 0), result);
    }

    [Fact]
    public void MissingBinary_FailsLikeTheRuntime()
    {
        var result = Sim.Exec(Sim.Container("nginx:alpine"), "bash");

        Assert.Equal(new ExecResult("", "OCI runtime exec failed: exec failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown\n", 126), result);
    }

    [Fact]
    public void MissingCommandInsideShell_UsesTheShellsWording()
    {
        Assert.Equal(new ExecResult("", "sh: python3: not found\n", 127), Sim.Exec(Sim.Container("nginx:alpine"), "sh", "-c", "python3 -V"));
        Assert.Equal(new ExecResult("", "bash: line 1: python3: command not found\n", 127), Sim.Exec(Sim.Container("nginx"), "bash", "-c", "python3 -V"));
    }

    [Fact]
    public void UnmodelledCommand_SaysItIsNotSupported()
    {
        var result = Sim.Exec(Sim.Container("nginx:alpine"), "wget", "-qO-", "http://localhost");

        Assert.Equal(new ExecResult("", "wget: not supported in the KubeMcp embedded cluster (simulated container)\n", 126, NotModelled: true), result);
    }

    [Fact]
    public void EndlessCommand_SaysItIsNotSupported()
    {
        var busybox = Sim.Container("busybox", command: ["sleep", "infinity"]);
        Assert.Equal(new ExecResult("", "sleep: not supported in the KubeMcp embedded cluster (simulated container)\n", 126, NotModelled: true), Sim.Exec(busybox, "sleep", "infinity"));
        Assert.Equal(126, Sim.Exec(busybox, "sh", "-c", "while true; do echo x; done").ExitCode);
        Assert.Equal(126, Sim.Exec(Sim.Container("nginx"), "nginx", "-g", "daemon off;").ExitCode);
    }

    [Fact]
    public void InteractiveShell_ReadsStdin()
    {
        var container = Sim.Container("busybox", command: ["sleep", "3600"]);
        var run = ProgramInterpreter.Run(container);

        var result = ExecInterpreter.Execute(container, run, ["sh"], TimeSpan.FromSeconds(10), stdin: "echo from-stdin\nexit 3\n");

        Assert.Equal(new ExecResult("from-stdin\n", "", 3), result);
    }

    [Fact]
    public void StoppedContainer_CannotBeExecInto()
    {
        var container = Sim.Container("busybox", command: ["sh", "-c", "exit 0"]);
        var run = ProgramInterpreter.Run(container);

        var result = ExecInterpreter.Execute(container, run, ["ls"], TimeSpan.FromSeconds(10));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("container not found (\"app\")", result.Stderr);
    }

    [Fact]
    public void Python_VersionAndImports()
    {
        var container = Sim.Container("python:3.12-slim", command: ["sleep", "infinity"]);

        Assert.Equal("Python 3.12.11\n", Sim.Exec(container, "python3", "--version").Stdout);
        Assert.Equal(new ExecResult("", "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nModuleNotFoundError: No module named 'requests'\n", 1),
            Sim.Exec(container, "python3", "-c", "import requests"));
    }
}
