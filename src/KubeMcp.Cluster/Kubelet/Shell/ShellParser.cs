namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// A recursive-descent parser for the POSIX shell subset containers use in <c>command:</c> scripts: lists,
/// <c>&amp;&amp;</c>/<c>||</c>, pipelines, <c>if</c>, <c>while</c>/<c>until</c>, <c>for</c>, groups, subshells,
/// quoting, parameter/command/arithmetic expansion and redirections. Tokens are read on demand because what counts as
/// a token depends on where the parser is (reserved words only start commands, <c>$(</c> nests a whole list).
/// </summary>
internal sealed partial class ShellParser
{
    private static readonly HashSet<string> ListTerminators = ["then", "elif", "else", "fi", "do", "done", "}", "esac"];

    private readonly string source;
    private int position;
    private int line;
    private ShellToken? peeked;

    private ShellParser(string source, int firstLine)
    {
        this.source = source;
        line = firstLine;
    }

    /// <exception cref="ShellSyntaxException">The script is not valid shell.</exception>
    /// <exception cref="ShellUnsupportedException">The script uses shell the simulation does not interpret.</exception>
    public static ListNode Parse(string script) => Parse(script, 1);

    private static ListNode Parse(string script, int firstLine)
    {
        var parser = new ShellParser(script, firstLine);
        var list = parser.ParseList();
        var next = parser.Peek();
        if (next.Kind != ShellTokenKind.End)
        {
            throw parser.Unexpected(next);
        }
        return list;
    }

    private ListNode ParseList()
    {
        var items = new List<(ShellNode, bool)>();
        SkipNewlines();
        var start = Peek().Line;
        while (!IsListEnd(Peek()))
        {
            var node = ParseAndOr();
            var next = Peek();
            if (next.IsOperator(";") || next.IsOperator("&"))
            {
                Next();
                items.Add((node, next.Text == "&"));
                SkipNewlines();
                continue;
            }
            items.Add((node, false));
            if (next.Kind != ShellTokenKind.Newline)
            {
                break;
            }
            SkipNewlines();
        }
        return new ListNode(start, items);
    }

    private static bool IsListEnd(ShellToken token) =>
        token.Kind == ShellTokenKind.End || token.IsOperator(")") ||
        (token.Kind == ShellTokenKind.Word && token.Word!.PlainText is { } text && ListTerminators.Contains(text));

    private ListNode ParseRequiredList()
    {
        var list = ParseList();
        if (list.Items.Count == 0)
        {
            throw Unexpected(Peek());
        }
        return list;
    }

    private ShellNode ParseAndOr()
    {
        var first = ParsePipeline();
        var rest = new List<(bool, ShellNode)>();
        while (Peek() is var token && (token.IsOperator("&&") || token.IsOperator("||")))
        {
            Next();
            SkipNewlines();
            rest.Add((token.Text == "&&", ParsePipeline()));
        }
        return rest.Count == 0 ? first : new AndOrNode(first.Line, first, rest);
    }

    private ShellNode ParsePipeline()
    {
        var start = Peek();
        var negated = false;
        if (start.IsWord("!"))
        {
            Next();
            negated = true;
        }
        var commands = new List<ShellNode> { ParseCommand() };
        while (Peek().IsOperator("|"))
        {
            Next();
            SkipNewlines();
            commands.Add(ParseCommand());
        }
        return commands.Count == 1 && !negated ? commands[0] : new PipelineNode(start.Line, commands, negated);
    }

    private ShellNode ParseCommand()
    {
        var token = Peek();
        if (token.Kind == ShellTokenKind.Word)
        {
            switch (token.Word!.PlainText)
            {
                case "if":
                    return WithRedirections(ParseIf());
                case "while":
                case "until":
                    return WithRedirections(ParseLoop());
                case "for":
                    return WithRedirections(ParseFor());
                case "{":
                    Next();
                    var body = ParseRequiredList();
                    Expect("}");
                    return new GroupNode(token.Line, body, false, ParseRedirections());
                case "case":
                    throw new ShellUnsupportedException("case statements");
                case "function":
                    throw new ShellUnsupportedException("shell functions");
            }
        }
        if (token.IsOperator("("))
        {
            Next();
            var body = ParseRequiredList();
            if (!Next().IsOperator(")"))
            {
                throw new ShellSyntaxException(ShellSyntaxErrorKind.UnexpectedEndOfFile, line, ")", LineText(line));
            }
            return new GroupNode(token.Line, body, true, ParseRedirections());
        }
        if (token.Kind == ShellTokenKind.End)
        {
            throw new ShellSyntaxException(ShellSyntaxErrorKind.UnexpectedEndOfFile, token.Line, "", LineText(token.Line));
        }
        if ((token.Kind == ShellTokenKind.Operator && !token.IsRedirection) || IsListEnd(token) || token.Kind == ShellTokenKind.Newline)
        {
            throw Unexpected(token);
        }
        return ParseSimple();
    }

    private ShellNode WithRedirections(ShellNode node)
    {
        var redirections = ParseRedirections();
        return redirections.Count == 0
            ? node
            : new GroupNode(node.Line, new ListNode(node.Line, [(node, false)]), false, redirections);
    }

    private List<Redirection> ParseRedirections()
    {
        var redirections = new List<Redirection>();
        while (Peek().IsRedirection)
        {
            redirections.Add(ParseRedirection());
        }
        return redirections;
    }

    private SimpleCommandNode ParseSimple()
    {
        var start = Peek().Line;
        var assignments = new List<Assignment>();
        var words = new List<Word>();
        var redirections = new List<Redirection>();
        while (true)
        {
            var token = Peek();
            if (token.IsRedirection)
            {
                redirections.Add(ParseRedirection());
            }
            else if (token.Kind == ShellTokenKind.Word)
            {
                Next();
                if (words.Count == 0 && AsAssignment(token.Word!) is { } assignment)
                {
                    assignments.Add(assignment);
                }
                else
                {
                    words.Add(token.Word!);
                }
            }
            else
            {
                break;
            }
        }
        if (Peek().IsOperator("("))
        {
            throw words.Count == 1 ? new ShellUnsupportedException("shell functions") : Unexpected(Peek());
        }
        return new SimpleCommandNode(start, assignments, words, redirections);
    }

    private static Assignment? AsAssignment(Word word)
    {
        if (word.Parts is not [LiteralPart { Quoted: false } first, ..])
        {
            return null;
        }
        var equals = first.Text.IndexOf('=');
        if (equals <= 0 || !IsName(first.Text[..equals]))
        {
            return null;
        }
        var rest = first.Text[(equals + 1)..];
        var parts = new List<WordPart>();
        if (rest.Length > 0)
        {
            parts.Add(new LiteralPart(rest, false));
        }
        parts.AddRange(word.Parts.Skip(1));
        return new Assignment(first.Text[..equals], new Word(parts));
    }

    private Redirection ParseRedirection()
    {
        var op = Next();
        var target = Next();
        if (target.Kind != ShellTokenKind.Word)
        {
            throw target.Kind == ShellTokenKind.End
                ? new ShellSyntaxException(ShellSyntaxErrorKind.UnexpectedEndOfFile, target.Line, "", LineText(target.Line))
                : Unexpected(target);
        }
        var word = target.Word!;
        var isNumber = word.PlainText is { Length: > 0 } text && text.All(char.IsAsciiDigit);
        return op.Text switch
        {
            ">" or ">|" => new Redirection(op.IoNumber ?? 1, RedirectionKind.Output, word),
            ">>" => new Redirection(op.IoNumber ?? 1, RedirectionKind.Append, word),
            "<" => new Redirection(op.IoNumber ?? 0, RedirectionKind.Input, word),
            ">&" when isNumber || word.PlainText == "-" => new Redirection(op.IoNumber ?? 1, RedirectionKind.Duplicate, word),
            ">&" or "&>" => new Redirection(1, RedirectionKind.OutputAndError, word),
            _ => new Redirection(op.IoNumber ?? 0, RedirectionKind.Duplicate, word),
        };
    }

    private IfNode ParseIf()
    {
        var start = Next().Line;
        var branches = new List<(ListNode, ListNode)>();
        var condition = ParseRequiredList();
        Expect("then");
        branches.Add((condition, ParseRequiredList()));
        ListNode? otherwise = null;
        while (true)
        {
            var token = Next();
            if (token.IsWord("elif"))
            {
                condition = ParseRequiredList();
                Expect("then");
                branches.Add((condition, ParseRequiredList()));
            }
            else if (token.IsWord("else"))
            {
                otherwise = ParseRequiredList();
                Expect("fi");
                break;
            }
            else if (token.IsWord("fi"))
            {
                break;
            }
            else
            {
                throw ExpectedError(token, "fi");
            }
        }
        return new IfNode(start, branches, otherwise);
    }

    private LoopNode ParseLoop()
    {
        var keyword = Next();
        var condition = ParseRequiredList();
        Expect("do");
        var body = ParseRequiredList();
        Expect("done");
        return new LoopNode(keyword.Line, keyword.Word!.PlainText == "until", condition, body);
    }

    private ForNode ParseFor()
    {
        var start = Next().Line;
        var name = Next();
        if (name.Kind != ShellTokenKind.Word || name.Word!.PlainText is not { } variable || !IsName(variable))
        {
            throw ExpectedError(name, "in");
        }
        List<Word>? items = null;
        SkipNewlines();
        if (Peek().IsWord("in"))
        {
            Next();
            items = [];
            while (true)
            {
                var token = Next();
                if (token.Kind == ShellTokenKind.Word)
                {
                    items.Add(token.Word!);
                }
                else if (token.IsOperator(";") || token.Kind == ShellTokenKind.Newline)
                {
                    break;
                }
                else
                {
                    throw ExpectedError(token, "do");
                }
            }
        }
        else if (Peek().IsOperator(";"))
        {
            Next();
        }
        SkipNewlines();
        Expect("do");
        var body = ParseRequiredList();
        Expect("done");
        return new ForNode(start, variable, items, body);
    }

    private void Expect(string keyword)
    {
        var token = Next();
        if (!token.IsWord(keyword))
        {
            throw ExpectedError(token, keyword);
        }
    }

    private ShellSyntaxException ExpectedError(ShellToken token, string expected) =>
        token.Kind == ShellTokenKind.End
            ? new ShellSyntaxException(ShellSyntaxErrorKind.UnexpectedEndOfFile, token.Line, expected, LineText(token.Line))
            : Unexpected(token);

    private ShellSyntaxException Unexpected(ShellToken token) => token.Kind switch
    {
        ShellTokenKind.End => new ShellSyntaxException(ShellSyntaxErrorKind.UnexpectedEndOfFile, token.Line, "", LineText(token.Line)),
        ShellTokenKind.Newline => new ShellSyntaxException(ShellSyntaxErrorKind.UnexpectedToken, token.Line, "newline", LineText(token.Line)),
        _ => new ShellSyntaxException(ShellSyntaxErrorKind.UnexpectedToken, token.Line, token.Text, LineText(token.Line)),
    };

    private string LineText(int number)
    {
        var lines = source.Split('\n');
        return number >= 1 && number <= lines.Length ? lines[number - 1] : "";
    }

    private void SkipNewlines()
    {
        while (Peek().Kind == ShellTokenKind.Newline)
        {
            Next();
        }
    }

    private ShellToken Peek() => peeked ??= ReadToken();

    private ShellToken Next()
    {
        var token = Peek();
        peeked = null;
        return token;
    }
}
