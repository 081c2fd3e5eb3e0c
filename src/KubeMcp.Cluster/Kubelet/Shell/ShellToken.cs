namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>A lexical token: a word, an operator (with an optional leading file descriptor), a newline or the end.</summary>
internal readonly record struct ShellToken(ShellTokenKind Kind, string Text, Word? Word, int Line, int? IoNumber = null)
{
    public bool IsOperator(string text) => Kind == ShellTokenKind.Operator && Text == text;

    public bool IsWord(string text) => Kind == ShellTokenKind.Word && Word!.PlainText == text;

    public bool IsRedirection => Kind == ShellTokenKind.Operator && Text is "<" or ">" or ">>" or ">&" or "<&" or "&>" or ">|";
}
