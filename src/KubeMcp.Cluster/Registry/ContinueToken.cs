using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Registry;

/// <summary>Opaque list continuation: the resourceVersion of the first page and the last key returned.</summary>
internal static class ContinueToken
{
    public static string Encode(long rv, string lastPath) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["rv"] = rv, ["start"] = lastPath }))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            return json?["start"]?.ToString() ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw ApiException.BadRequest("continue key is not valid: the continue parameter must come from a previous list response");
        }
    }
}
