using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// The paths and schema definitions of one or more group-versions in one dialect, serialized on demand.
/// Built-in definitions come from the process-wide <see cref="ModelSchemas"/> cache and are written, not copied.
/// </summary>
internal sealed class GroupVersionContent
{
    private readonly JsonObject _paths = [];
    private readonly SortedDictionary<string, JsonObject> _definitions = new(StringComparer.Ordinal);
    private readonly SchemaDialect _dialect;
    private readonly OperationFactory _operations;

    public GroupVersionContent(IEnumerable<ResourceType> resources, SchemaDialect dialect)
    {
        _dialect = dialect;
        _operations = new OperationFactory(dialect);
        var roots = new List<Type> { typeof(V1Status), typeof(V1DeleteOptions) };
        foreach (var type in resources)
        {
            string kindName, listName;
            if (type.ModelType is { } model && !type.IsCustom)
            {
                kindName = DefinitionNames.Of(model);
                roots.Add(model);
                if (model.Assembly.GetType(model.FullName + "List") is { } list && ModelShapes.IsModel(list))
                {
                    roots.Add(list);
                    listName = DefinitionNames.Of(list);
                }
                else
                {
                    listName = kindName + "List";
                    _definitions.TryAdd(listName, CustomResourceSchemas.List(type, kindName, dialect));
                }
            }
            else
            {
                kindName = type.IsCustom ? CustomResourceSchemas.KindName(type) : DefinitionNames.ForKind(type.Group, type.Version, type.Kind);
                listName = type.IsCustom ? CustomResourceSchemas.ListName(type) : kindName + "List";
                _definitions.TryAdd(kindName, CustomResourceSchemas.Kind(type, dialect));
                _definitions.TryAdd(listName, CustomResourceSchemas.List(type, kindName, dialect));
                roots.Add(typeof(V1ObjectMeta));
                roots.Add(typeof(V1ListMeta));
            }
            if (type.Subresources.Contains("scale"))
            {
                roots.Add(typeof(V1Scale));
            }
            ResourcePaths.Add(_paths, type, kindName, listName, _operations);
        }
        foreach (var definitionType in ModelSchemas.DefinitionTypes(roots))
        {
            _definitions.TryAdd(DefinitionNames.Of(definitionType), ModelSchemas.Definition(definitionType, dialect));
        }
        _definitions.TryAdd(DefinitionNames.Patch, new JsonObject
        {
            ["description"] = "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.",
            ["type"] = "object",
        });
    }

    public IReadOnlyDictionary<string, JsonObject> Definitions => _definitions;

    public JsonObject Paths => _paths;

    /// <summary>Writes the whole document: <c>openapi: 3.0.0</c> with components, or <c>swagger: 2.0</c> with definitions.</summary>
    public byte[] Serialize(string kubernetesVersion)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(_dialect == SchemaDialect.OpenApi3 ? "openapi" : "swagger", _dialect == SchemaDialect.OpenApi3 ? "3.0.0" : "2.0");
            writer.WriteStartObject("info");
            writer.WriteString("title", "Kubernetes");
            writer.WriteString("version", kubernetesVersion);
            writer.WriteEndObject();
            writer.WritePropertyName("paths");
            _paths.WriteTo(writer);
            if (_dialect == SchemaDialect.OpenApi3)
            {
                writer.WriteStartObject("components");
                writer.WritePropertyName("schemas");
                WriteDefinitions(writer);
                writer.WriteEndObject();
            }
            else
            {
                writer.WritePropertyName("definitions");
                WriteDefinitions(writer);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A fingerprint of everything a group-version's documents are generated from.</summary>
    public static string Fingerprint(IEnumerable<ResourceType> resources, string kubernetesVersion)
    {
        var text = new StringBuilder()
            .Append(kubernetesVersion).Append('|')
            .Append(typeof(GroupVersionContent).Assembly.ManifestModule.ModuleVersionId).Append('|')
            .Append(typeof(V1Pod).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        foreach (var r in resources.OrderBy(r => r.Plural, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal))
        {
            text.AppendJoin('|', r.Group, r.Version, r.Kind, r.Plural, r.Namespaced, string.Join(',', r.Verbs),
                    string.Join(',', r.Subresources), r.ModelType?.FullName, r.CustomResourceVersion?.ToJsonString())
                .Append('\n');
        }
        return Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private void WriteDefinitions(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, definition) in _definitions)
        {
            writer.WritePropertyName(name);
            definition.WriteTo(writer);
        }
        writer.WriteEndObject();
    }
}
