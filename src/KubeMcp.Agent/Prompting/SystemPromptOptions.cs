namespace KubeMcp.Agent.Prompting;

/// <summary>Options for <see cref="SystemPromptBuilder"/>.</summary>
public sealed class SystemPromptOptions
{
    /// <summary>Who the agent is, the prompt's first line. Default: a Kubernetes operations assistant.</summary>
    public string Role { get; set; } =
        "You are KubeMcp, an assistant that investigates and operates a Kubernetes cluster through the tools you are given.";

    /// <summary>
    /// Whether to list every tool with its parameters in the prompt as well (default false). The tool declarations
    /// go with every request anyway; a second list costs about 1,400 tokens per step with KubeMcp's 23 tools.
    /// </summary>
    public bool IncludeCatalog { get; set; }

    /// <summary>Longest tool description kept in the catalog, in characters (default 160; the rest is cut).</summary>
    public int MaxDescriptionLength { get; set; } = 160;

    /// <summary>Extra rules appended to the built-in ones (e.g. site policy), one per entry.</summary>
    public IList<string> ExtraRules { get; } = [];
}
