using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>Builds single OpenAPI operations and parameters in either dialect.</summary>
internal sealed class OperationFactory(SchemaDialect dialect)
{
    private static readonly string[] Produces = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];
    private static readonly string[] BuiltinPatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];
    private static readonly string[] CustomPatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"];

    /// <summary>An operation with its Kubernetes extensions.</summary>
    /// <param name="action">The <c>x-kubernetes-action</c>: get, list, post, put, patch, delete, deletecollection.</param>
    /// <param name="operationId">Unique id, e.g. <c>readCoreV1NamespacedPod</c>.</param>
    /// <param name="description">Human-readable summary.</param>
    /// <param name="gvk">The group-version-kind the operation serves.</param>
    /// <param name="responseDefinition">Definition name of the 200 response body.</param>
    /// <param name="requestDefinition">Definition name of the request body, when there is one.</param>
    /// <param name="parameters">Query parameters beyond the path-level ones.</param>
    /// <param name="tag">The operation's tag, e.g. <c>core_v1</c>.</param>
    /// <param name="customResource">Custom resources accept no strategic merge patch.</param>
    public JsonObject Operation(
        string action, string operationId, string description, JsonObject gvk, string responseDefinition,
        string? requestDefinition, IEnumerable<JsonObject> parameters, string tag, bool customResource = false)
    {
        var op = new JsonObject
        {
            ["tags"] = new JsonArray(tag),
            ["description"] = description,
            ["operationId"] = operationId,
        };
        var allParameters = new JsonArray();
        var isPatch = action == "patch";
        if (requestDefinition is not null)
        {
            var contentTypes = isPatch ? (customResource ? CustomPatchTypes : BuiltinPatchTypes) : ["*/*"];
            if (dialect == SchemaDialect.OpenApi3)
            {
                var content = new JsonObject();
                foreach (var contentType in contentTypes)
                {
                    content[contentType] = new JsonObject { ["schema"] = Ref(requestDefinition) };
                }
                op["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
            }
            else
            {
                op["consumes"] = new JsonArray([.. contentTypes.Select(c => JsonValue.Create(c))]);
                allParameters.Add(new JsonObject { ["in"] = "body", ["name"] = "body", ["required"] = true, ["schema"] = Ref(requestDefinition) });
            }
        }
        foreach (var parameter in parameters)
        {
            allParameters.Add(parameter);
        }
        if (allParameters.Count > 0)
        {
            op["parameters"] = allParameters;
        }
        if (dialect == SchemaDialect.Swagger2)
        {
            op["produces"] = new JsonArray([.. Produces.Select(p => JsonValue.Create(p))]);
            op["schemes"] = new JsonArray("https");
        }
        op["responses"] = Responses(action, responseDefinition);
        op["x-kubernetes-action"] = action;
        op["x-kubernetes-group-version-kind"] = gvk.DeepClone();
        return op;
    }

    public JsonObject Ref(string definitionName) => new() { ["$ref"] = ModelSchemas.RefTo(definitionName, dialect) };

    public JsonObject Query(string name, string description, string type = "string", bool unique = true) =>
        Parameter(name, "query", description, type, required: false, unique);

    public JsonObject Path(string name, string description) => Parameter(name, "path", description, "string", required: true, unique: true);

    private JsonObject Parameter(string name, string location, string description, string type, bool required, bool unique)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = location, ["description"] = description };
        if (required)
        {
            parameter["required"] = true;
        }
        if (dialect == SchemaDialect.OpenApi3)
        {
            var schema = new JsonObject { ["type"] = type };
            if (unique)
            {
                schema["uniqueItems"] = true;
            }
            parameter["schema"] = schema;
        }
        else
        {
            parameter["type"] = type;
            if (unique)
            {
                parameter["uniqueItems"] = true;
            }
        }
        return parameter;
    }

    private JsonObject Responses(string action, string definition)
    {
        var codes = action switch
        {
            "post" => (string[])["200", "201", "202"],
            "put" => ["200", "201"],
            "patch" => ["200", "201"],
            "delete" => ["200", "202"],
            _ => ["200"],
        };
        var responses = new JsonObject();
        foreach (var code in codes)
        {
            var text = code switch { "201" => "Created", "202" => "Accepted", _ => "OK" };
            if (dialect == SchemaDialect.OpenApi3)
            {
                var content = new JsonObject();
                foreach (var type in Produces)
                {
                    content[type] = new JsonObject { ["schema"] = Ref(definition) };
                }
                responses[code] = new JsonObject { ["description"] = text, ["content"] = content };
            }
            else
            {
                responses[code] = new JsonObject { ["description"] = text, ["schema"] = Ref(definition) };
            }
        }
        responses["401"] = new JsonObject { ["description"] = "Unauthorized" };
        return responses;
    }
}
