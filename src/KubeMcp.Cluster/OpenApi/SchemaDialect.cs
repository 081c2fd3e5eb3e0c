namespace KubeMcp.Cluster.OpenApi;

/// <summary>Which OpenAPI flavour a schema is written for; they differ in where definitions live and how a
/// described reference is spelled.</summary>
internal enum SchemaDialect
{
    /// <summary>Swagger 2.0 (<c>/openapi/v2</c>): <c>#/definitions/…</c>, description next to <c>$ref</c>.</summary>
    Swagger2,

    /// <summary>OpenAPI 3.0 (<c>/openapi/v3/…</c>): <c>#/components/schemas/…</c>, described references wrapped in
    /// <c>allOf</c> as a real API server does.</summary>
    OpenApi3,
}
