using System.Globalization;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// Error messages worded as each shell words them. <see cref="Name"/> is <c>$0</c> as invoked (<c>sh</c>,
/// <c>/bin/sh</c>, a script path); BusyBox ash omits line numbers for <c>-c</c> scripts, dash always prints them,
/// bash prints <c>line N</c>.
/// </summary>
internal sealed class ShellMessages(ShellDialect dialect, string name, bool fromFile)
{
    public ShellDialect Dialect { get; } = dialect;

    public string Name { get; } = name;

    /// <summary>The prefix of a runtime error at <paramref name="line"/>: <c>sh: </c>, <c>sh: 1: </c>, <c>bash: line 1: </c>.</summary>
    public string Prefix(int line) => Dialect switch
    {
        ShellDialect.Dash => $"{Name}: {N(line)}: ",
        ShellDialect.Bash => $"{Name}: line {N(line)}: ",
        _ => fromFile ? $"{Name}: line {N(line)}: " : $"{Name}: ",
    };

    public string NotFound(string command, int line) =>
        Dialect == ShellDialect.Bash ? $"{Prefix(line)}{command}: command not found" : $"{Prefix(line)}{command}: not found";

    public string NoSuchFile(string command, int line) =>
        Dialect == ShellDialect.Bash ? $"{Prefix(line)}{command}: No such file or directory" : $"{Prefix(line)}{command}: not found";

    public string PermissionDenied(string command, int line) => $"{Prefix(line)}{command}: Permission denied";

    /// <summary>A redirection that cannot open its file for writing.</summary>
    public string CannotCreate(string path, string reason, int line) => Dialect switch
    {
        ShellDialect.Bash => $"{Prefix(line)}{path}: {BashReason(reason)}",
        ShellDialect.Dash => $"{Prefix(line)}cannot create {path}: {DashReason(reason)}",
        _ => $"{Prefix(line)}can't create {path}: {reason}",
    };

    /// <summary>A redirection that cannot open its file for reading.</summary>
    public string CannotOpen(string path, int line) => Dialect switch
    {
        ShellDialect.Bash => $"{Prefix(line)}{path}: No such file or directory",
        ShellDialect.Dash => $"{Prefix(line)}cannot open {path}: No such file",
        _ => $"{Prefix(line)}can't open '{path}': No such file or directory",
    };

    public string CannotChangeDirectory(string path, int line) => Dialect switch
    {
        ShellDialect.Bash => $"{Prefix(line)}cd: {path}: No such file or directory",
        ShellDialect.Dash => $"{Prefix(line)}cd: can't cd to {path}",
        _ => $"{Prefix(line)}cd: can't cd to {path}: No such file or directory",
    };

    /// <summary>The status a failed redirection or special builtin leaves.</summary>
    public int RedirectionFailureStatus => Dialect == ShellDialect.Bash ? 1 : 2;

    /// <summary>The lines the shell prints for a syntax error (bash adds a second line quoting the source).</summary>
    public IReadOnlyList<string> SyntaxError(ShellSyntaxException error)
    {
        var line = N(error.Line);
        return Dialect switch
        {
            ShellDialect.Bash => BashSyntax(error, line),
            ShellDialect.Dash => [$"{Name}: {line}: Syntax error: " + error.Kind switch
            {
                ShellSyntaxErrorKind.UnterminatedQuote => "Unterminated quoted string",
                ShellSyntaxErrorKind.UnexpectedEndOfFile => error.Token.Length > 0
                    ? $"end of file unexpected (expecting \"{error.Token}\")"
                    : "end of file unexpected",
                _ => $"\"{error.Token}\" unexpected",
            }],
            _ => [(fromFile ? $"{Name}: line {line}: " : $"{Name}: ") + "syntax error: " + error.Kind switch
            {
                ShellSyntaxErrorKind.UnterminatedQuote => "unterminated quoted string",
                ShellSyntaxErrorKind.UnexpectedEndOfFile => error.Token.Length > 0
                    ? $"unexpected end of file (expecting \"{error.Token}\")"
                    : "unexpected end of file",
                _ => $"unexpected \"{error.Token}\"",
            }],
        };
    }

    private List<string> BashSyntax(ShellSyntaxException error, string line)
    {
        var where = fromFile ? $"{Name}: line {line}: " : $"{Name}: -c: line {line}: ";
        return error.Kind switch
        {
            ShellSyntaxErrorKind.UnterminatedQuote =>
                [where + $"unexpected EOF while looking for matching `{Matching(error.Token)}'"],
            ShellSyntaxErrorKind.UnexpectedEndOfFile => [where + "syntax error: unexpected end of file"],
            _ => [where + $"syntax error near unexpected token `{error.Token}'", where + $"`{error.LineText}'"],
        };
    }

    private static string Matching(string opener) => opener switch
    {
        "(" or "((" => ")",
        "{" => "}",
        _ => opener,
    };

    private static string BashReason(string reason) => reason switch
    {
        "nonexistent directory" => "No such file or directory",
        _ => reason,
    };

    private static string DashReason(string reason) => reason switch
    {
        "nonexistent directory" => "Directory nonexistent",
        _ => reason,
    };

    private static string N(int line) => line.ToString(CultureInfo.InvariantCulture);
}
