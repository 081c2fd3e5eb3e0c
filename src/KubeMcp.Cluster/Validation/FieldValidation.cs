namespace KubeMcp.Cluster.Validation;

/// <summary>
/// The <c>fieldValidation</c> query parameter: what the API server does with fields of a request body that the
/// schema does not know.
/// </summary>
public enum FieldValidation
{
    /// <summary>Drop unknown fields silently.</summary>
    Ignore,

    /// <summary>Drop unknown fields and report each in a <c>Warning</c> response header.</summary>
    Warn,

    /// <summary>Reject the request with 400 BadRequest if there are unknown fields.</summary>
    Strict,
}
