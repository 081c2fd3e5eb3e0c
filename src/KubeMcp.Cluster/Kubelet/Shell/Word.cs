namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>A shell word: the concatenation of its parts after expansion.</summary>
internal sealed record Word(IReadOnlyList<WordPart> Parts)
{
    /// <summary>The word's text when it is one unquoted literal (how reserved words and names are recognised).</summary>
    public string? PlainText => Parts is [LiteralPart { Quoted: false } literal] ? literal.Text : null;

    /// <summary>Whether any part of the word was quoted (a quoted empty string still makes a field).</summary>
    public bool HasQuotes => Parts.Any(p => p.Quoted);

    public static Word Literal(string text) => new([new LiteralPart(text, true)]);
}
