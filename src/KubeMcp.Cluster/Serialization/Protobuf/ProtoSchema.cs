using KubeMcp.Cluster.Serialization.Protobuf.Schema;

namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>The protobuf messages the embedded cluster can decode, and which message a group/version/kind uses.</summary>
internal sealed class ProtoSchema
{
    private const string MetaPackage = "meta.v1";

    private static readonly Lazy<ProtoSchema> DefaultSchema = new(BuildDefault);

    private readonly IReadOnlyDictionary<string, ProtoMessage> _messages;
    private readonly IReadOnlyDictionary<string, string> _packagesByApiVersion;

    internal ProtoSchema(IReadOnlyDictionary<string, ProtoMessage> messages, IReadOnlyDictionary<string, string> packagesByApiVersion)
    {
        _messages = messages;
        _packagesByApiVersion = packagesByApiVersion;
    }

    /// <summary>The built-in Kubernetes 1.32 types that typed clients such as kubectl send as protobuf.</summary>
    public static ProtoSchema Default => DefaultSchema.Value;

    public IEnumerable<ProtoMessage> Messages => _messages.Values;

    public ProtoMessage Message(string qualifiedName) =>
        _messages.TryGetValue(qualifiedName, out var message)
            ? message
            : throw new InvalidOperationException($"the protobuf schema has no message {qualifiedName}");

    /// <summary>
    /// The message for an object of <paramref name="kind"/> in <paramref name="apiVersion"/>. The option kinds of
    /// meta/v1 (DeleteOptions and friends) are registered in every group version, so they are found from any of them.
    /// </summary>
    public ProtoMessage? FindKind(string apiVersion, string kind)
    {
        if (_packagesByApiVersion.TryGetValue(apiVersion, out var package) &&
            _messages.TryGetValue($"{package}.{kind}", out var message))
        {
            return message;
        }
        return kind.EndsWith("Options", StringComparison.Ordinal) && _messages.TryGetValue($"{MetaPackage}.{kind}", out var options)
            ? options
            : null;
    }

    private static ProtoSchema BuildDefault()
    {
        var builder = new ProtoSchemaBuilder();
        MetaV1Schema.Register(builder);
        CoreV1Schema.Register(builder);
        CoreV1VolumeSchema.Register(builder);
        AppsV1Schema.Register(builder);
        BatchV1Schema.Register(builder);
        RbacV1Schema.Register(builder);
        NetworkingV1Schema.Register(builder);
        PolicyV1Schema.Register(builder);
        SchedulingV1Schema.Register(builder);
        AutoscalingV1Schema.Register(builder);
        AutoscalingV2Schema.Register(builder);
        AuthenticationV1Schema.Register(builder);
        AuthorizationV1Schema.Register(builder);
        return builder.Build();
    }
}
