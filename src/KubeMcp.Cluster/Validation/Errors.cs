using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Validation;

/// <summary>
/// Field errors phrased exactly as the API server's <c>field.Error</c> prints them: the type, the bad value (strings
/// quoted, numbers bare) and the detail.
/// </summary>
internal static class Errors
{
    public static FieldError Required(string field, string detail = "") =>
        new("FieldValueRequired", field, detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public static FieldError Invalid(string field, string value, string detail) =>
        new("FieldValueInvalid", field, $"Invalid value: {Go.Quote(value)}: {detail}");

    public static FieldError Invalid(string field, long value, string detail) =>
        new("FieldValueInvalid", field, $"Invalid value: {value}: {detail}");

    /// <summary>An invalid value already formatted the Go way (e.g. <c>map[string]string{…}</c>).</summary>
    public static FieldError InvalidRaw(string field, string goValue, string detail) =>
        new("FieldValueInvalid", field, $"Invalid value: {goValue}: {detail}");

    public static FieldError NotSupported(string field, string value, params string[] supported) =>
        new("FieldValueNotSupported", field,
            $"Unsupported value: {Go.Quote(value)}: supported values: {string.Join(", ", supported.Select(Go.Quote))}");

    public static FieldError Duplicate(string field, string value) =>
        new("FieldValueDuplicate", field, $"Duplicate value: {Go.Quote(value)}");

    public static FieldError Forbidden(string field, string detail) =>
        new("FieldValueForbidden", field, $"Forbidden: {detail}");

    public static FieldError TooLong(string field, int max) =>
        new("FieldValueTooLong", field, $"Too long: must have at most {max} bytes");

    public static FieldError Immutable(string field, string value) => Invalid(field, value, "field is immutable");
}
