using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Printing;

/// <summary>Reads the <c>includeObject</c> query parameter the way the API server validates table options.</summary>
internal static class IncludeObjectParser
{
    /// <summary>
    /// Parses <paramref name="value"/>; missing or empty means <see cref="IncludeObject.Metadata"/>.
    /// </summary>
    /// <exception cref="ApiException">A 400 Bad Request when the value is not one of the three names.</exception>
    public static IncludeObject Parse(string? value) => value switch
    {
        null or "" or "Metadata" => IncludeObject.Metadata,
        "None" => IncludeObject.None,
        "Object" => IncludeObject.Object,
        _ => throw ApiException.BadRequest(
            $"Unable to convert to Table as requested: includeObject: Invalid value: \"{value}\": must be 'Metadata', 'Object', 'None', or empty"),
    };
}
