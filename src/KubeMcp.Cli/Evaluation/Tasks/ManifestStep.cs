namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>One setup manifest file and the virtual time to let pass after applying it.</summary>
/// <param name="Path">Absolute path of a (multi-document) YAML file.</param>
/// <param name="Advance">Virtual time that passes once it is applied (zero: the next file follows at once).</param>
internal sealed record ManifestStep(string Path, TimeSpan Advance);
