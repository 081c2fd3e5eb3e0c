using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>The objects of a <c>helm template</c> run, with the lookups the chart tests need.</summary>
public sealed class RenderedChart(IReadOnlyList<JsonObject> objects)
{
    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    public static RenderedChart Parse(string yaml) => new(ManifestReader.Read(yaml, "rendered chart"));

    public static async Task<RenderedChart> TemplateAsync(params string[] args) => Parse(await HelmCli.TemplateAsync(args));

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind) => Assert.Single(OfKind(kind));

    public IReadOnlyList<string> Kinds => Objects.Select(o => (string)o["kind"]!).ToList();

    public JsonObject Container => (JsonObject)Single("Deployment")["spec"]!["template"]!["spec"]!["containers"]![0]!;

    public IReadOnlyList<string> Args => Container["args"]!.AsArray().Select(a => (string)a!).ToList();

    /// <summary>Every rule of every ClusterRole and Role, flattened to (apiGroup, resource, verb) grants.</summary>
    public IReadOnlySet<(string Group, string Resource, string Verb)> Grants(string kind = "ClusterRole") =>
        OfKind(kind)
            .SelectMany(role => role["rules"]?.AsArray() ?? [])
            .SelectMany(rule =>
                from g in rule!["apiGroups"]!.AsArray()
                from r in rule["resources"]!.AsArray()
                from v in rule["verbs"]!.AsArray()
                select ((string)g!, (string)r!, (string)v!))
            .ToHashSet();
}
