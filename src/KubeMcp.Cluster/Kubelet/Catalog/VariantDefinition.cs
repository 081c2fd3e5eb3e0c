namespace KubeMcp.Cluster.Kubelet.Catalog;

/// <summary>
/// The YAML shape of an image variant. The same fields at image level are defaults for every variant; absent
/// (null) fields inherit, maps merge key by key, executables accumulate.
/// </summary>
internal class VariantDefinition
{
    public string? Os { get; set; }

    /// <summary>Tag to program version; a null version means the tag itself is the version.</summary>
    public Dictionary<string, string?>? Tags { get; set; }

    public List<string>? Entrypoint { get; set; }

    public List<string>? Cmd { get; set; }

    public Dictionary<string, string>? Env { get; set; }

    public List<string>? Executables { get; set; }

    public Dictionary<string, string>? Files { get; set; }

    public string? User { get; set; }

    public string? WorkingDir { get; set; }

    public Dictionary<string, string>? Vars { get; set; }

    public Dictionary<string, ProgramDefinition>? Programs { get; set; }

    public string? Memory { get; set; }

    public string? Cpu { get; set; }
}
