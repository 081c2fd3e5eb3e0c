namespace KubeMcp.Agent.Prompting;

/// <summary>Options for <see cref="SystemPromptBuilder"/>.</summary>
public sealed class SystemPromptOptions
{
    /// <summary>Who the agent is, the prompt's first line. Default: a Kubernetes operations assistant.</summary>
    public string Role { get; set; } =
        "You are KubeMcp, an assistant that investigates and operates a Kubernetes cluster through the tools listed below.";

    /// <summary>
    /// Whether to list every tool with its parameters in the prompt (default true). Back-ends that pass the full
    /// schemas separately still benefit from the compact catalog: it is where required marks are easiest to see.
    /// </summary>
    public bool IncludeCatalog { get; set; } = true;

    /// <summary>Longest tool description kept in the catalog, in characters (default 160; the rest is cut).</summary>
    public int MaxDescriptionLength { get; set; } = 160;

    /// <summary>Extra rules appended to the built-in ones (e.g. site policy), one per entry.</summary>
    public IList<string> ExtraRules { get; } = [];
}
