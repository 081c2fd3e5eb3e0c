using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;

namespace KubeMcp.Server.Tools.Helm;

/// <summary>Turns helm's JSON output into the few lines a model needs.</summary>
internal static class HelmOutput
{
    public static string DescribeRelease(string json)
    {
        JsonObject? release;
        try
        {
            release = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return json.Trim();
        }
        if (release is null)
        {
            return json.Trim();
        }
        var chart = $"{release.Str("chart.metadata.name")}-{release.Str("chart.metadata.version")}";
        var text = $"release {release.Str("name")} installed in namespace {release.Str("namespace")}: status {release.Str("info.status")}, " +
            $"revision {release.Long("version")}, chart {chart}";
        if (release.Str("chart.metadata.appVersion") is { Length: > 0 } appVersion)
        {
            text += $", app version {appVersion}";
        }
        text += ".\n";
        if (release.Str("info.notes") is { Length: > 0 } notes)
        {
            text += "NOTES:\n" + (notes.Length > 2000 ? notes[..2000] + " …\n" : notes);
        }
        return text;
    }

    public static TextTable Releases(string json)
    {
        var table = new TextTable(["NAMESPACE", "NAME", "REVISION", "STATUS", "CHART", "APP VERSION", "UPDATED"]);
        var list = JsonNode.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json) as JsonArray ?? [];
        foreach (var r in list.OfType<JsonObject>())
        {
            var updated = r.Str("updated") ?? "";
            table.Add(r.Str("namespace") ?? "", r.Str("name") ?? "", r.Str("revision") ?? r.Long("revision")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                r.Str("status") ?? "", r.Str("chart") ?? "", r.Str("app_version") ?? "", updated.Length > 19 ? updated[..19] : updated);
        }
        return table;
    }
}
