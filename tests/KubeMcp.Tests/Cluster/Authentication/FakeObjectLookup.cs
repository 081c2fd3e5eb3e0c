using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authentication;

namespace KubeMcp.Tests.Cluster.Authentication;

/// <summary>An <see cref="IObjectLookup"/> over a dictionary keyed by resource, namespace and name.</summary>
internal sealed class FakeObjectLookup : IObjectLookup
{
    private readonly Dictionary<(string Resource, string? Namespace, string Name), JsonObject> _objects = [];

    public FakeObjectLookup Add(string resource, string? @namespace, string name, string uid, JsonObject? spec = null)
    {
        var obj = new JsonObject { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace, ["uid"] = uid } };
        if (spec is not null)
        {
            obj["spec"] = spec;
        }
        _objects[(resource, @namespace, name)] = obj;
        return this;
    }

    public void Remove(string resource, string? @namespace, string name) => _objects.Remove((resource, @namespace, name));

    public JsonObject Get(string resource, string? @namespace, string name) => _objects[(resource, @namespace, name)];

    public JsonObject? Find(string resource, string? @namespace, string name) =>
        _objects.GetValueOrDefault((resource, @namespace, name));
}
