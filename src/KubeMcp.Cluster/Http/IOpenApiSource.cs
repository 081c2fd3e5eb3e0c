namespace KubeMcp.Cluster.Http;

/// <summary>The OpenAPI documents the server publishes (v2 and the v3 index plus one document per group-version).</summary>
internal interface IOpenApiSource
{
    OpenApiDocument? GetV2();

    OpenApiDocument? GetV3Index();

    OpenApiDocument? GetV3(string groupVersionPath);
}
