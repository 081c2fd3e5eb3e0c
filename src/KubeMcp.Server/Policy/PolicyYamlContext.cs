using YamlDotNet.Serialization;

namespace KubeMcp.Server.Policy;

/// <summary>Generated YAML metadata for the policy file's shape, so reading it needs no reflection in the native build.</summary>
[YamlStaticContext]
[YamlSerializable(typeof(PolicyFile.RawPolicy))]
[YamlSerializable(typeof(PolicyFile.RawDefaults))]
[YamlSerializable(typeof(PolicyFile.RawRule))]
// Public because the generator declares its half public.
public partial class PolicyYamlContext : StaticContext;
