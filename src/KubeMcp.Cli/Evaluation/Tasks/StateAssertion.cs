namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>One assertion over the cluster's state.</summary>
internal abstract record StateAssertion
{
    /// <summary>The assertion in words, for reports.</summary>
    public abstract string Describe();
}
