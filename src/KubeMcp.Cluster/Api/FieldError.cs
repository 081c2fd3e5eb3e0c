namespace KubeMcp.Cluster.Api;

/// <summary>One field-level validation failure, reported as a cause of a 422 Invalid Status.</summary>
/// <param name="Reason">The machine-readable cause type, e.g. <c>FieldValueRequired</c>, <c>FieldValueInvalid</c>.</param>
/// <param name="Field">The JSON path of the field, e.g. <c>spec.containers[0].image</c>.</param>
/// <param name="Message">What is wrong, phrased as the API server phrases it.</param>
public sealed record FieldError(string Reason, string Field, string Message)
{
    public static FieldError Required(string field) => new("FieldValueRequired", field, "Required value");

    public static FieldError Invalid(string field, string value, string why) =>
        new("FieldValueInvalid", field, $"Invalid value: \"{value}\": {why}");

    public static FieldError Unsupported(string field, string value, IEnumerable<string> supported) =>
        new("FieldValueNotSupported", field,
            $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public static FieldError UnknownField(string field) => new("FieldValueInvalid", field, $"unknown field \"{field}\"");

    public override string ToString() => $"{Field}: {Message}";
}
