using System.Text.RegularExpressions;
using KubeMcp.Cluster.Api;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KubeMcp.Cluster.Kubelet.Catalog;

/// <summary>Reads catalog YAML and turns layered image definitions into effective <see cref="ImageVariant"/>s.</summary>
internal static partial class CatalogLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <exception cref="ImageCatalogException">The YAML is malformed or has unknown fields.</exception>
    public static CatalogDocument Parse(string yaml, string source)
    {
        try
        {
            // The merging parser resolves "<<: *anchor" so images can share a definition and change a few fields.
            var parser = new MergingParser(new Parser(new StringReader(yaml)));
            return Deserializer.Deserialize<CatalogDocument?>(parser) ?? new CatalogDocument();
        }
        catch (YamlException e)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            var unknown = UnknownProperty().Match(detail);
            var why = unknown.Success ? $"unknown field \"{unknown.Groups[1].Value}\"" : StripLocation(detail);
            throw new ImageCatalogException($"{source}: line {e.Start.Line}, column {e.Start.Column}: {why}", e);
        }
    }

    /// <summary>
    /// The effective variants of one repository from its definition layers (built-in first, overrides after).
    /// Later layers' variants come first, so a tag they list shadows the same tag in earlier layers.
    /// </summary>
    public static IReadOnlyList<ImageVariant> BuildVariants(string repository, IReadOnlyList<ImageDefinition> layers)
    {
        var defaults = new VariantDefinition();
        foreach (var layer in layers)
        {
            defaults = Merge(defaults, layer, includeTags: false);
        }
        var variants = new List<ImageVariant>();
        foreach (var layer in layers.Reverse())
        {
            if (layer.Variants is { Count: > 0 })
            {
                variants.AddRange(layer.Variants.Select(v => Convert(repository, Merge(defaults, v, includeTags: true))));
            }
            else if (layer.Tags is { Count: > 0 })
            {
                variants.Add(Convert(repository, Merge(defaults, layer, includeTags: true)));
            }
        }
        return variants;
    }

    private static VariantDefinition Merge(VariantDefinition under, VariantDefinition over, bool includeTags) => new()
    {
        Os = over.Os ?? under.Os,
        Tags = includeTags ? over.Tags : null,
        Entrypoint = over.Entrypoint ?? under.Entrypoint,
        Cmd = over.Cmd ?? under.Cmd,
        Env = MergeMaps(under.Env, over.Env),
        Executables = [.. (under.Executables ?? []).Concat(over.Executables ?? []).Distinct()],
        Files = MergeMaps(under.Files, over.Files),
        User = over.User ?? under.User,
        WorkingDir = over.WorkingDir ?? under.WorkingDir,
        Vars = MergeMaps(under.Vars, over.Vars),
        Programs = MergeMaps(under.Programs, over.Programs),
        Memory = over.Memory ?? under.Memory,
        Cpu = over.Cpu ?? under.Cpu,
    };

    private static Dictionary<string, T>? MergeMaps<T>(Dictionary<string, T>? under, Dictionary<string, T>? over)
    {
        if (under is null && over is null)
        {
            return null;
        }
        var merged = new Dictionary<string, T>(under ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in over ?? [])
        {
            merged[key] = value;
        }
        return merged;
    }

    private static ImageVariant Convert(string repository, VariantDefinition d)
    {
        var where = $"image {repository}";
        if (d.Os is null)
        {
            throw new ImageCatalogException($"{where}: a variant has no \"os\"; set it on the image or the variant (for example os: debian:12)");
        }
        OsProfile os;
        try
        {
            os = OsProfile.Get(d.Os);
        }
        catch (FormatException e)
        {
            throw new ImageCatalogException($"{where}: {e.Message}", e);
        }
        var executables = new HashSet<string>(os.Executables, StringComparer.Ordinal);
        foreach (var path in d.Executables ?? [])
        {
            if (!path.StartsWith('/'))
            {
                throw new ImageCatalogException($"{where}: executable \"{path}\" must be an absolute path such as /usr/local/bin/{path}");
            }
            executables.Add(os.CanonicalPath(path));
        }
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, content) in os.Files.Concat(d.Files ?? []))
        {
            files[os.CanonicalPath(path)] = content;
        }
        var programs = (d.Programs ?? []).ToDictionary(
            p => p.Key, p => ConvertProgram($"{where}: program {p.Key}", p.Value), StringComparer.Ordinal);
        return new ImageVariant
        {
            Repository = repository,
            Os = os,
            Tags = (d.Tags ?? []).ToDictionary(t => t.Key, t => t.Value ?? t.Key, StringComparer.Ordinal),
            Entrypoint = d.Entrypoint ?? [],
            Cmd = d.Cmd ?? [],
            Env = [.. (d.Env ?? [])],
            Executables = executables,
            Files = files,
            User = d.User ?? "root",
            WorkingDir = d.WorkingDir ?? "/",
            Vars = d.Vars ?? [],
            Programs = programs,
            MemoryBytes = d.Memory is null ? 4 * 1024 * 1024 : ParseQuantity(where, "memory", d.Memory, Quantity.ParseBytes),
            CpuMillicores = d.Cpu is null ? 1 : ParseQuantity(where, "cpu", d.Cpu, Quantity.ParseMillicores),
        };
    }

    private static ProgramBehavior ConvertProgram(string where, ProgramDefinition p)
    {
        var behavior = new ProgramBehavior
        {
            EntrypointLogs = ConvertLogs(where, p.EntrypointLogs),
            Requires = [.. (p.Requires ?? []).Select(r => new EnvRequirement(
                r.AnyEnv ?? [], r.Unless ?? [], r.ExitCode, ConvertLogs(where, r.Logs)))],
            Logs = ConvertLogs(where, p.Logs),
            ExitCode = p.ExitCode,
            ExitAfter = p.ExitAfter is null ? TimeSpan.Zero : ParseDuration(where, "exitAfter", p.ExitAfter),
            ReadyAfter = p.ReadyAfter is null ? null : ParseDuration(where, "readyAfter", p.ReadyAfter),
            MemoryBytes = p.Memory is null ? null : ParseQuantity(where, "memory", p.Memory, Quantity.ParseBytes),
            CpuMillicores = p.Cpu is null ? null : ParseQuantity(where, "cpu", p.Cpu, Quantity.ParseMillicores),
            Ports = p.Ports ?? [],
            Processes = [.. (p.Processes ?? []).Select(x => new SimProcessTemplate(
                x.Command ?? throw new ImageCatalogException($"{where}: a process has no \"command\""), x.User))],
            WrapperDefault = p.Wrapper,
            Subcommands = (p.Subcommands ?? []).ToDictionary(
                s => s.Key, s => ConvertProgram($"{where} {s.Key}", s.Value), StringComparer.Ordinal),
        };
        foreach (var line in behavior.AllLogGroups().SelectMany(g => g.Lines))
        {
            foreach (var unknown in LogTemplate.UnknownPlaceholders(line))
            {
                throw new ImageCatalogException(
                    $"{where}: log line uses unknown placeholder {unknown}; use time:FORMAT, version, hostname, podIP, namespace, kernel, var:NAME, env:NAME or flag:NAME");
            }
        }
        return behavior;
    }

    private static IReadOnlyList<LogGroup> ConvertLogs(string where, List<LogGroupDefinition>? groups) =>
        [.. (groups ?? []).Select(g =>
        {
            var lines = g.Lines ?? [];
            if (g.Text is not null)
            {
                lines = [.. lines, .. g.Text.TrimEnd('\n').Split('\n')];
            }
            var stream = g.Stream switch
            {
                null or "stdout" => LogStreamKind.Stdout,
                "stderr" => LogStreamKind.Stderr,
                _ => throw new ImageCatalogException($"{where}: log stream \"{g.Stream}\" must be stdout or stderr"),
            };
            var at = g.At is null ? TimeSpan.Zero : ParseDuration(where, "at", g.At);
            return new LogGroup(at, lines, stream);
        })];

    private static TimeSpan ParseDuration(string where, string field, string text) =>
        SimDuration.TryParse(text, out var value)
            ? value
            : throw new ImageCatalogException($"{where}: {field} \"{text}\" is not a duration (for example 1.5s or 250ms)");

    private static long ParseQuantity(string where, string field, string text, Func<string, long> parse)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new ImageCatalogException($"{where}: {field} \"{text}\" is not a quantity (for example 64Mi or 100m)");
        }
    }

    private static string StripLocation(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith('(') ? message[(marker + 3)..] : message;
    }

    [GeneratedRegex("Property '([^']+)' not found")]
    private static partial Regex UnknownProperty();
}
