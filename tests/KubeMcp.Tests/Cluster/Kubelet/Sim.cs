using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

/// <summary>Builds simulated containers from an image name and pod-spec-like fields.</summary>
internal static class Sim
{
    public static readonly ImageCatalog Catalog = new();

    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static ContainerProgram Container(
        string image,
        string[]? command = null,
        string[]? args = null,
        (string Name, string Value)[]? env = null,
        Dictionary<string, string>? files = null,
        string? memoryLimit = null,
        Dictionary<string, string>? annotations = null,
        string containerName = "app") => new()
        {
            Image = Catalog.Resolve(ImageReference.Parse(image)).Image ?? throw new InvalidOperationException($"{image} is not in the catalog"),
            ContainerName = containerName,
            Command = command,
            Args = args,
            Env = [.. (env ?? []).Select(e => new KeyValuePair<string, string>(e.Name, e.Value))],
            Files = files ?? [],
            MemoryLimitBytes = memoryLimit is null ? null : Quantity.ParseBytes(memoryLimit),
            Annotations = annotations ?? [],
            PodName = "web-7d4b9c6f5-x2k8p",
            Namespace = "shop",
            PodIP = "10.244.1.17",
            StartedAt = Start,
        };

    public static ProgramRun Run(
        string image,
        string[]? command = null,
        string[]? args = null,
        (string Name, string Value)[]? env = null,
        Dictionary<string, string>? files = null,
        string? memoryLimit = null,
        Dictionary<string, string>? annotations = null) =>
        ProgramInterpreter.Run(Container(image, command, args, env, files, memoryLimit, annotations));

    /// <summary>Runs <c>sh -c script</c> in the image.</summary>
    public static ProgramRun Script(string script, string image = "busybox:1.36", string shell = "sh", (string, string)[]? env = null,
        Dictionary<string, string>? files = null) =>
        Run(image, [shell, "-c", script], env: env, files: files);

    /// <summary>The log text up to an hour after start (or <paramref name="upTo"/>).</summary>
    public static string[] Lines(ProgramRun run, TimeSpan? upTo = null, int max = 10_000) =>
        [.. run.LinesUpTo(upTo ?? TimeSpan.FromHours(1), max).Select(l => l.Text)];

    public static ExecResult Exec(ContainerProgram container, params string[] command)
    {
        var run = ProgramInterpreter.Run(container);
        return ExecInterpreter.Execute(container, run, command, TimeSpan.FromMinutes(5));
    }
}
