using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// The REST paths of one resource as a real API server publishes them: collection and item paths (plus the
/// all-namespaces list for namespaced resources, and the status and scale subresources), one operation per verb,
/// each with <c>x-kubernetes-action</c> and <c>x-kubernetes-group-version-kind</c>. Writes carry the
/// <c>fieldValidation</c> query parameter, whose presence tells kubectl to use server-side field validation.
/// </summary>
internal static class ResourcePaths
{
    private const string ScaleDefinition = "io.k8s.api.autoscaling.v1.Scale";

    public static void Add(JsonObject paths, ResourceType type, string kindDefinition, string listDefinition, OperationFactory f)
    {
        var prefix = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
        var gvk = ModelSchemas.Gvk(type.Group, type.Version, type.Kind);
        var ids = new OperationIds(type);
        var tag = ids.Tag;
        var collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
        var custom = type.IsCustom;

        var collectionOps = new JsonObject();
        if (type.Supports("list"))
        {
            collectionOps["get"] = f.Operation("list", ids.Id("list"), $"list or watch objects of kind {type.Kind}",
                gvk, listDefinition, null, ListParameters(f), tag, custom);
        }
        if (type.Supports("create"))
        {
            collectionOps["post"] = f.Operation("post", ids.Id("create"), $"create {Article(type.Kind)} {type.Kind}",
                gvk, kindDefinition, kindDefinition, WriteParameters(f), tag, custom);
        }
        if (type.Supports("deletecollection"))
        {
            collectionOps["delete"] = f.Operation("deletecollection", ids.Id("delete", "Collection"),
                $"delete collection of {type.Kind}", gvk, DefinitionNames.Status, DefinitionNames.DeleteOptions,
                [.. ListParameters(f), f.Query("dryRun", DryRun), f.Query("gracePeriodSeconds", "The duration in seconds before the object should be deleted.", "integer")],
                tag, custom);
        }
        AddPath(paths, collection, collectionOps, PathParameters(f, type.Namespaced, named: false));

        if (type.Namespaced && type.Supports("list"))
        {
            var all = new JsonObject
            {
                ["get"] = f.Operation("list", ids.Id("list", forAllNamespaces: true), $"list or watch objects of kind {type.Kind}",
                    gvk, listDefinition, null, ListParameters(f), tag, custom),
            };
            AddPath(paths, $"{prefix}/{type.Plural}", all, [f.Query("pretty", Pretty)]);
        }

        var item = new JsonObject();
        if (type.Supports("get"))
        {
            item["get"] = f.Operation("get", ids.Id("read"), $"read the specified {type.Kind}", gvk, kindDefinition, null, [], tag, custom);
        }
        if (type.Supports("update"))
        {
            item["put"] = f.Operation("put", ids.Id("replace"), $"replace the specified {type.Kind}", gvk,
                kindDefinition, kindDefinition, WriteParameters(f), tag, custom);
        }
        if (type.Supports("patch"))
        {
            item["patch"] = f.Operation("patch", ids.Id("patch"), $"partially update the specified {type.Kind}", gvk,
                kindDefinition, DefinitionNames.Patch, PatchParameters(f), tag, custom);
        }
        if (type.Supports("delete"))
        {
            item["delete"] = f.Operation("delete", ids.Id("delete"), $"delete {Article(type.Kind)} {type.Kind}", gvk,
                DefinitionNames.Status, DefinitionNames.DeleteOptions,
                [f.Query("dryRun", DryRun), f.Query("gracePeriodSeconds", "The duration in seconds before the object should be deleted.", "integer"),
                 f.Query("propagationPolicy", "Whether and how garbage collection will be performed.")], tag, custom);
        }
        AddPath(paths, collection + "/{name}", item, PathParameters(f, type.Namespaced, named: true));

        foreach (var sub in type.Subresources)
        {
            if (sub is not ("status" or "scale") || !type.Supports("get"))
            {
                continue;
            }
            var (definition, subGvk) = sub == "status"
                ? (kindDefinition, gvk)
                : (ScaleDefinition, ModelSchemas.Gvk("autoscaling", "v1", "Scale"));
            var suffix = sub == "status" ? "Status" : "Scale";
            var ops = new JsonObject
            {
                ["get"] = f.Operation("get", ids.Id("read", suffix), $"read {sub} of the specified {type.Kind}", subGvk, definition, null, [], tag, custom),
                ["put"] = f.Operation("put", ids.Id("replace", suffix), $"replace {sub} of the specified {type.Kind}", subGvk,
                    definition, definition, WriteParameters(f), tag, custom),
                ["patch"] = f.Operation("patch", ids.Id("patch", suffix), $"partially update {sub} of the specified {type.Kind}", subGvk,
                    definition, DefinitionNames.Patch, PatchParameters(f), tag, custom),
            };
            AddPath(paths, $"{collection}/{{name}}/{sub}", ops, PathParameters(f, type.Namespaced, named: true));
        }
    }

    private const string Pretty = "If 'true', then the output is pretty printed.";
    private const string DryRun = "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed";
    private const string FieldManager = "fieldManager is a name associated with the actor or entity that is making these changes.";
    private const string FieldValidation =
        "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. " +
        "Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but " +
        "the last duplicate field that the decoder encounters. - Warn: This will send a warning via the standard warning response header " +
        "for each unknown field that is dropped from the object, and for each duplicate field that is encountered. - Strict: This will fail " +
        "the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present.";

    private static void AddPath(JsonObject paths, string path, JsonObject operations, IEnumerable<JsonObject> parameters)
    {
        if (operations.Count == 0)
        {
            return;
        }
        operations["parameters"] = new JsonArray([.. parameters]);
        paths[path] = operations;
    }

    private static IEnumerable<JsonObject> PathParameters(OperationFactory f, bool namespaced, bool named)
    {
        if (named)
        {
            yield return f.Path("name", "name of the object");
        }
        if (namespaced)
        {
            yield return f.Path("namespace", "object name and auth scope, such as for teams and projects");
        }
        yield return f.Query("pretty", Pretty);
    }

    private static JsonObject[] WriteParameters(OperationFactory f) =>
        [f.Query("dryRun", DryRun), f.Query("fieldManager", FieldManager), f.Query("fieldValidation", FieldValidation)];

    private static JsonObject[] PatchParameters(OperationFactory f) =>
    [
        .. WriteParameters(f),
        f.Query("force", "Force is going to \"force\" Apply requests. It must be unset for non-apply patch requests.", "boolean"),
    ];

    private static JsonObject[] ListParameters(OperationFactory f) =>
    [
        f.Query("allowWatchBookmarks", "allowWatchBookmarks requests watch events with type \"BOOKMARK\".", "boolean"),
        f.Query("continue", "The continue option should be set when retrieving more results from the server."),
        f.Query("fieldSelector", "A selector to restrict the list of returned objects by their fields. Defaults to everything."),
        f.Query("labelSelector", "A selector to restrict the list of returned objects by their labels. Defaults to everything."),
        f.Query("limit", "limit is a maximum number of responses to return for a list call.", "integer"),
        f.Query("resourceVersion", "resourceVersion sets a constraint on what resource versions a request may be served from."),
        f.Query("timeoutSeconds", "Timeout for the list/watch call.", "integer"),
        f.Query("watch", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.", "boolean"),
    ];

    private static string Article(string kind) => "aeiouAEIOU".Contains(kind[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>Operation ids in the upstream style, e.g. <c>listAppsV1NamespacedDeployment</c>.</summary>
    private sealed class OperationIds(ResourceType type)
    {
        private readonly string _group = GroupCamel(type.Group);
        private readonly string _version = char.ToUpperInvariant(type.Version[0]) + type.Version[1..];

        public string Tag => (type.Group.Length == 0 ? "core" : char.ToLowerInvariant(_group[0]) + _group[1..]) + "_" + type.Version;

        public string Id(string verb, string suffix = "", bool forAllNamespaces = false)
        {
            var scope = forAllNamespaces || !type.Namespaced ? "" : "Namespaced";
            var collection = suffix == "Collection" ? "Collection" : "";
            var sub = suffix == "Collection" ? "" : suffix;
            var all = forAllNamespaces ? "ForAllNamespaces" : "";
            return $"{verb}{_group}{_version}{collection}{scope}{type.Kind}{sub}{all}";
        }

        private static string GroupCamel(string group)
        {
            if (group.Length == 0)
            {
                return "Core";
            }
            var trimmed = group.EndsWith(".k8s.io", StringComparison.Ordinal) ? group[..^".k8s.io".Length] : group;
            return string.Concat(trimmed.Split('.', '-').Where(p => p.Length > 0)
                .Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
        }
    }
}
