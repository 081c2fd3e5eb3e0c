namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>Protobuf bytes that cannot be decoded; <see cref="Path"/> names where, once known.</summary>
internal sealed class ProtobufFormatException(string message, string? path = null) : Exception(message)
{
    public string? Path { get; } = path;

    /// <summary>This error located at <paramref name="path"/>, unless it already names a (deeper) place.</summary>
    public ProtobufFormatException At(string path) => Path is null ? new(Message, path) : this;

    /// <summary>The message with the location, for a client-facing error.</summary>
    public string Describe() => string.IsNullOrEmpty(Path) ? Message : $"{Message} (at {Path})";
}
