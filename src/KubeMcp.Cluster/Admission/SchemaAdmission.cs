using System.Text.Json.Nodes;
using KubeMcp.Cluster.Defaulting;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Validation;

namespace KubeMcp.Cluster.Admission;

/// <summary>Defaults and then validates every object written, as the API server's strategies do for each kind.</summary>
internal sealed class SchemaAdmission : IAdmissionPlugin
{
    private readonly ObjectDefaulter _defaulter = new();

    public void Admit(AdmissionContext context, JsonObject obj)
    {
        if (context.Subresource == "status")
        {
            return;
        }
        _defaulter.Apply(context.Type, obj);
        ObjectValidator.ThrowIfInvalid(context.Type, obj, context.Old);
    }
}
