using System.Globalization;
using System.Text;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// Word expansion as POSIX orders it: tilde, parameter, command substitution and arithmetic expansion, then field
/// splitting of unquoted results on whitespace, then pathname expansion against the container's files.
/// </summary>
internal sealed class WordExpander(ShellRunner runner)
{
    /// <summary>Expands command words into fields.</summary>
    public List<string> ExpandWords(IEnumerable<Word> words)
    {
        var fields = new List<string>();
        foreach (var word in words)
        {
            fields.AddRange(Expand(word, split: true));
        }
        return fields;
    }

    /// <summary>Expands a word into one string (assignments, redirection targets, <c>${…}</c> arguments).</summary>
    public string ExpandString(Word word) => string.Concat(Expand(word, split: false));

    private List<string> Expand(Word word, bool split)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var hasField = false;
        var glob = false;
        void EndField()
        {
            if (hasField)
            {
                if (glob && split)
                {
                    fields.AddRange(Glob(current.ToString()));
                }
                else
                {
                    fields.Add(current.ToString());
                }
            }
            current.Clear();
            hasField = false;
            glob = false;
        }

        for (var index = 0; index < word.Parts.Count; index++)
        {
            var part = word.Parts[index];
            switch (part)
            {
                case LiteralPart literal:
                    var text = literal.Text;
                    if (index == 0 && !literal.Quoted && (text == "~" || text.StartsWith("~/", StringComparison.Ordinal)))
                    {
                        text = (runner.State.Get("HOME") ?? "/") + text[1..];
                    }
                    current.Append(text);
                    hasField |= literal.Quoted || text.Length > 0;
                    glob |= !literal.Quoted && GlobPattern.HasWildcards(text);
                    break;
                case ParameterPart { Name: "@", Operator: null, Quoted: true }:
                    var positional = runner.State.Positional;
                    for (var i = 0; i < positional.Count; i++)
                    {
                        if (i > 0)
                        {
                            EndField();
                        }
                        current.Append(positional[i]);
                        hasField = true;
                    }
                    break;
                default:
                    var value = Evaluate(part);
                    if (part.Quoted || !split)
                    {
                        current.Append(value);
                        hasField |= part.Quoted || value.Length > 0;
                        break;
                    }
                    foreach (var c in value)
                    {
                        if (c is ' ' or '\t' or '\n')
                        {
                            EndField();
                        }
                        else
                        {
                            current.Append(c);
                            hasField = true;
                        }
                    }
                    break;
            }
        }
        EndField();
        if (!split && fields.Count == 0)
        {
            fields.Add("");
        }
        return fields;
    }

    private string Evaluate(WordPart part) => part switch
    {
        ParameterPart parameter => ExpandParameter(parameter),
        CommandSubstitutionPart substitution => runner.CommandSubstitution(substitution.Script),
        ArithmeticPart arithmetic => Arithmetic(arithmetic.Expression),
        LiteralPart literal => literal.Text,
        _ => "",
    };

    public string? Lookup(string name)
    {
        var state = runner.State;
        return name switch
        {
            "?" => state.LastStatus.ToString(CultureInfo.InvariantCulture),
            "$" => state.Pid.ToString(CultureInfo.InvariantCulture),
            "!" => state.LastBackgroundPid?.ToString(CultureInfo.InvariantCulture),
            "#" => state.Positional.Count.ToString(CultureInfo.InvariantCulture),
            "@" or "*" => string.Join(' ', state.Positional),
            "0" => state.Arg0,
            "-" => (state.Errexit ? "e" : "") + (state.Xtrace ? "x" : ""),
            _ when name.All(char.IsAsciiDigit) => int.Parse(name, CultureInfo.InvariantCulture) is var n && n >= 1 && n <= state.Positional.Count
                ? state.Positional[n - 1]
                : null,
            _ => state.Get(name),
        };
    }

    private string ExpandParameter(ParameterPart parameter)
    {
        var value = Lookup(parameter.Name);
        string Argument() => parameter.Argument is null ? "" : ExpandString(parameter.Argument);
        switch (parameter.Operator)
        {
            case null:
                return value ?? "";
            case "#length":
                return (value ?? "").Length.ToString(CultureInfo.InvariantCulture);
            case ":-":
                return string.IsNullOrEmpty(value) ? Argument() : value;
            case "-":
                return value ?? Argument();
            case ":=" or "=":
                if (parameter.Operator == ":=" ? string.IsNullOrEmpty(value) : value is null)
                {
                    var assigned = Argument();
                    runner.State.Variables[parameter.Name] = assigned;
                    return assigned;
                }
                return value!;
            case ":+":
                return string.IsNullOrEmpty(value) ? "" : Argument();
            case "+":
                return value is null ? "" : Argument();
            case ":?" or "?":
                if (parameter.Operator == ":?" ? string.IsNullOrEmpty(value) : value is null)
                {
                    var message = Argument();
                    runner.ReportError($"{parameter.Name}: {(message.Length > 0 ? message : "parameter null or not set")}");
                    throw new ShellExitSignal(runner.Messages.Dialect == ShellDialect.Bash ? 1 : 2);
                }
                return value!;
            default:
                return GlobPattern.Remove(value ?? "", Argument(), parameter.Operator);
        }
    }

    private string Arithmetic(string expression)
    {
        string expanded;
        try
        {
            expanded = ExpandString(ShellParser.ParseExpansionText(expression));
        }
        catch (Exception e) when (e is ShellSyntaxException or ShellUnsupportedException)
        {
            expanded = expression;
        }
        try
        {
            var value = ArithmeticEvaluator.Evaluate(expanded, runner.State.Get, (name, v) => runner.State.Variables[name] = v);
            return value.ToString(CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            runner.ReportError(runner.Messages.Dialect == ShellDialect.Bash ? $"{expanded.Trim()}: {e.Message}" : e.Message);
            throw new ShellExitSignal(runner.Messages.Dialect == ShellDialect.Bash ? 1 : 2);
        }
    }

    private IEnumerable<string> Glob(string pattern)
    {
        var files = runner.Machine.Files;
        var slash = pattern.LastIndexOf('/');
        var directory = slash < 0 ? "" : pattern[..(slash + 1)];
        var namePattern = slash < 0 ? pattern : pattern[(slash + 1)..];
        if (GlobPattern.HasWildcards(directory) || namePattern.Length == 0)
        {
            return [pattern];
        }
        var absolute = VirtualFileSystem.Normalize(directory.Length == 0 ? "." : directory, runner.State.Cwd);
        if (!files.IsDirectory(absolute))
        {
            return [pattern];
        }
        var regex = GlobPattern.ToRegex(namePattern);
        var matches = files.List(absolute)
            .Where(name => (namePattern.StartsWith('.') || !name.StartsWith('.')) && regex.IsMatch(name))
            .Select(name => directory + name)
            .ToList();
        return matches.Count > 0 ? matches : [pattern];
    }
}
