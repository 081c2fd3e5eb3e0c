using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Validation;

/// <summary>
/// What decoding a request body against the kind's schema found: fields the schema does not know and, for built-in
/// kinds, a value of the wrong JSON type (which a real API server fails to decode).
/// </summary>
/// <param name="Mode">The request's field validation mode.</param>
/// <param name="UnknownFields">Paths of unknown fields, e.g. <c>spec.containers[0].imagePullPolice</c>.</param>
/// <param name="DecodeError">The full decode error message, e.g. <c>Pod in version "v1" cannot be handled as a Pod:
/// json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type
/// int32</c>; null when the body decodes.</param>
internal sealed record FieldCheckResult(FieldValidation Mode, IReadOnlyList<string> UnknownFields, string? DecodeError)
{
    /// <summary>The 400 BadRequest the API server answers with, or null: a decode error in any mode, unknown fields
    /// in Strict mode (<c>strict decoding error: unknown field "spec.foo", …</c>).</summary>
    public ApiException? Error =>
        DecodeError is not null ? ApiException.BadRequest(DecodeError)
        : Mode == FieldValidation.Strict && UnknownFields.Count > 0
            ? ApiException.BadRequest("strict decoding error: " + string.Join(", ", UnknownFields.Select(f => $"unknown field \"{f}\"")))
            : null;

    /// <summary>The <c>Warning</c> header texts to send in Warn mode (one per unknown field); empty otherwise. Send
    /// each as <c>299 - "unknown field \"spec.foo\""</c>.</summary>
    public IReadOnlyList<string> Warnings =>
        Mode == FieldValidation.Warn && DecodeError is null ? [.. UnknownFields.Select(f => $"unknown field \"{f}\"")] : [];

    /// <summary>Throws <see cref="Error"/> when there is one.</summary>
    public void ThrowIfRejected()
    {
        if (Error is { } error)
        {
            throw error;
        }
    }
}
