using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Validation;

/// <summary>Reads the <c>fieldValidation</c> query parameter.</summary>
internal static class FieldValidationParser
{
    /// <summary>
    /// Parses the parameter; absent means <paramref name="fallback"/> (a real API server uses Warn for writes when
    /// the client sends none). Throws a 400 for anything other than Ignore, Warn or Strict.
    /// </summary>
    public static FieldValidation Parse(string? value, FieldValidation fallback = FieldValidation.Warn) => value switch
    {
        null or "" => fallback,
        "Ignore" => FieldValidation.Ignore,
        "Warn" => FieldValidation.Warn,
        "Strict" => FieldValidation.Strict,
        _ => throw ApiException.BadRequest(
            $"fieldValidation parameter unsupported: \"{value}\"; supported values are \"Ignore\", \"Warn\" and \"Strict\""),
    };
}
