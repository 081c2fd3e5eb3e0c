using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Patching;

/// <summary>The Status errors the API server's patch handlers answer with.</summary>
internal static class PatchErrors
{
    /// <summary>
    /// A 422 for a patch that could not be applied to the object. The real server's generic text ("the server rejected
    /// our request due to an error in our request") hides what went wrong; the library's own explanation is kept as
    /// the message instead so clients and agents can fix the patch.
    /// </summary>
    public static ApiException Unprocessable(string message) => new(422, "Invalid", message);

    public static ApiException BadRequest(string message) => ApiException.BadRequest(message);

    /// <summary>
    /// An error the server does not classify: it reaches clients as a 500 without a reason (kubectl prints
    /// "Error from server: …").
    /// </summary>
    public static ApiException Unclassified(string message) => new(500, "", message);

    public static ApiException TooLarge(string message) =>
        new(413, "RequestEntityTooLarge", $"Request entity too large: {message}");

    /// <summary>The 409 a server-side apply answers when fields it would change are owned by other managers.</summary>
    public static ApiException ApplyConflict(string message, IEnumerable<(string Field, string Message)> causes)
    {
        var details = new JsonObject
        {
            ["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = c.Message,
                ["field"] = c.Field,
            }).ToArray()),
        };
        return new ApiException(409, "Conflict", message, details);
    }
}
