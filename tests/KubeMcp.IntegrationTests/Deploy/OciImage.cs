using System.Diagnostics;
using System.Text.Json.Nodes;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>
/// An OCI image archive unpacked by hand (index → manifest → config and layers), and its entrypoint run roughly the way
/// a container runtime would: in a private mount namespace, with the root filesystem read-only, a writable /tmp, the
/// image's environment only, as the image's user. Needs root (mount, chroot).
/// </summary>
public sealed class OciImage
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private OciImage(JsonObject config, string rootFs)
    {
        Config = config;
        RootFs = rootFs;
    }

    /// <summary>The image configuration (architecture, os, config.User, config.Entrypoint, …).</summary>
    public JsonObject Config { get; }

    public string RootFs { get; }

    public static async Task<OciImage> ExtractAsync(string archive, string directory)
    {
        var layout = Directory.CreateDirectory(Path.Combine(directory, "layout")).FullName;
        var rootFs = Directory.CreateDirectory(Path.Combine(directory, "rootfs")).FullName;
        await TarAsync("-xf", archive, "-C", layout);
        var index = await ReadJsonAsync(layout, "index.json");
        var manifest = await ReadBlobAsync(layout, (string)Assert.Single(index["manifests"]!.AsArray())!["digest"]!);
        var config = await ReadBlobAsync(layout, (string)manifest["config"]!["digest"]!);
        foreach (var layer in manifest["layers"]!.AsArray())
        {
            Assert.Equal("application/vnd.oci.image.layer.v1.tar+gzip", (string?)layer!["mediaType"]);
            await TarAsync("-xzf", BlobPath(layout, (string)layer["digest"]!), "-C", rootFs);
        }
        // Mount points a runtime would create.
        Directory.CreateDirectory(Path.Combine(rootFs, "proc"));
        Directory.CreateDirectory(Path.Combine(rootFs, "dev"));
        return new OciImage(config, rootFs);
    }

    /// <summary>Runs the entrypoint with <paramref name="args"/> to completion (a tmpfs at /tmp).</summary>
    public Task<ProcessResult> RunAsync(IEnumerable<string> args) =>
        ProcessRunner.RunAsync("unshare", Command(null, args), null, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Starts the entrypoint as a server with <paramref name="shared"/> mounted at /tmp, and returns once it prints
    /// "serving MCP at URL".
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task<RunningContainer> StartAsync(string shared, IEnumerable<string> args, CancellationToken ct)
    {
        // The image's user must be able to read the shared files and write temp files there.
        File.SetUnixFileMode(shared, (UnixFileMode)Convert.ToInt32("1777", 8));
        foreach (var file in Directory.GetFiles(shared))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        var psi = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in Command(shared, args))
        {
            psi.ArgumentList.Add(arg);
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start unshare");
        var server = new RunningContainer(process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                const string marker = "serving MCP at ";
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var url = line[(at + marker.Length)..].Split(' ')[0];
                    server.Serving(url[..url.LastIndexOf("/mcp", StringComparison.Ordinal)]);
                    return server;
                }
            }
            throw new InvalidOperationException($"the server in the image exited before serving: {await server.StderrAsync()}");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>unshare's arguments: mounts in a private namespace, then the entrypoint under env -i and chroot.</summary>
    private List<string> Command(string? shared, IEnumerable<string> args)
    {
        const string script = """
            R="$1"; T="$2"; shift 2
            mount --bind "$R" "$R" && mount --rbind /proc "$R/proc" && mount --rbind /dev "$R/dev" \
              && mount -o remount,bind,ro "$R" || exit 90
            if [ -n "$T" ]; then mount --bind "$T" "$R/tmp"; else mount -t tmpfs -o mode=1777 tmpfs "$R/tmp"; fi || exit 91
            exec env -i "$@"
            """;
        var config = Config["config"]!;
        var chroot = File.Exists("/usr/sbin/chroot") ? "/usr/sbin/chroot" : "/sbin/chroot";
        return
        [
            "--mount", "--fork", "sh", "-c", script, "sh", RootFs, shared ?? "",
            .. config["Env"]!.AsArray().Select(e => (string)e!),
            chroot, $"--userspec={(string)config["User"]!}", RootFs,
            .. config["Entrypoint"]!.AsArray().Select(e => (string)e!),
            .. args,
        ];
    }

    private static string BlobPath(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);

    private static async Task<JsonObject> ReadBlobAsync(string layout, string digest) =>
        (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(BlobPath(layout, digest)))!;

    private static async Task<JsonObject> ReadJsonAsync(string layout, string name) =>
        (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(layout, name)))!;

    private static async Task TarAsync(params string[] args)
    {
        var result = await ProcessRunner.RunAsync("tar", args, null, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"tar {string.Join(' ', args)}: {result.Stderr}");
    }
}
