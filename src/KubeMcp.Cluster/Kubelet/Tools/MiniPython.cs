using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary>
/// The handful of Python statements container one-liners use: imports, <c>print</c>, <c>time.sleep</c>,
/// assignments of literals and of memory allocations (<c>bytearray(300*1024*1024)</c>, <c>'x' * n</c>), exits,
/// <c>raise</c>, and endless <c>while True</c> waits. Anything else is reported as not understood.
/// </summary>
internal sealed partial class MiniPython(ProcessContext process, string source, bool unbuffered)
{
    private static readonly HashSet<string> StandardModules =
        ["os", "sys", "time", "signal", "json", "socket", "threading", "http", "math", "random", "datetime", "subprocess",
         "urllib", "re", "logging", "pathlib", "collections", "itertools", "functools", "io", "string", "typing", "uuid",
         "hashlib", "base64", "platform", "shutil", "tempfile", "traceback", "argparse", "asyncio", "select", "struct",
         "gc", "resource", "ctypes", "array", "queue", "textwrap", "pprint", "copy", "errno", "stat", "glob", "csv"];

    private readonly Dictionary<string, object> variables = new(StringComparer.Ordinal);
    private readonly StringBuilder buffered = new();
    private int lineNumber;

    private Machine Machine => process.Machine;

    public int Run(string code)
    {
        var lines = code.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        try
        {
            for (var i = 0; i < lines.Length; i++)
            {
                lineNumber = i + 1;
                var line = lines[i];
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                {
                    continue;
                }
                if (WhileTrue().Match(trimmed) is { Success: true } loop)
                {
                    var body = new List<string>();
                    if (loop.Groups[1].Value.Trim().Length > 0)
                    {
                        body.Add(loop.Groups[1].Value);
                    }
                    var indent = line.Length - line.TrimStart().Length;
                    while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 || lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent))
                    {
                        body.Add(lines[++i]);
                    }
                    Endless(body);
                }
                foreach (var statement in SplitStatements(trimmed))
                {
                    Execute(statement.Trim());
                }
            }
        }
        catch (PythonExit exit)
        {
            Flush();
            return exit.Code;
        }
        Flush();
        return 0;
    }

    private void Endless(List<string> body)
    {
        var statements = body.SelectMany(SplitStatements).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (statements.All(s => s is "pass" or "continue" || Sleep().IsMatch(s)))
        {
            throw Machine.RunsForever(process.Name);
        }
        throw NotUnderstood("a while True loop that does more than sleep");
    }

    private void Execute(string statement)
    {
        Machine.Step();
        if (statement is "pass" or "")
        {
            return;
        }
        if (Import().Match(statement) is { Success: true } import)
        {
            var modules = import.Groups[1].Success
                ? [import.Groups[1].Value]
                : import.Groups[2].Value.Split(',').Select(m => m.Trim().Split(' ')[0]);
            foreach (var module in modules)
            {
                var root = module.Split('.')[0];
                if (!StandardModules.Contains(root))
                {
                    Raise("ModuleNotFoundError", $"No module named '{root}'");
                }
            }
            return;
        }
        if (Sleep().Match(statement) is { Success: true } sleep)
        {
            Machine.Advance(TimeSpan.FromSeconds(Number(sleep.Groups[1].Value)));
            return;
        }
        if (PrintCall().Match(statement) is { Success: true } print)
        {
            Print(print.Groups[1].Value);
            return;
        }
        if (ExitCall().Match(statement) is { Success: true } exit)
        {
            var argument = exit.Groups[1].Value.Trim();
            if (argument.Length == 0 || argument == "None")
            {
                throw new PythonExit(0);
            }
            if (argument[0] is '\'' or '"')
            {
                Flush();
                process.Error(Text(argument) + "\n");
                throw new PythonExit(1);
            }
            throw new PythonExit((int)(Number(argument) & 0xFF));
        }
        if (RaiseStatement().Match(statement) is { Success: true } raise)
        {
            Raise(raise.Groups[1].Value, raise.Groups[2].Success ? Text(raise.Groups[2].Value) : "");
        }
        if (Waits().IsMatch(statement))
        {
            throw Machine.RunsForever(process.Name);
        }
        if (statement == "input()")
        {
            Raise("EOFError", "EOF when reading a line");
        }
        if (AssignmentStatement().Match(statement) is { Success: true } assignment)
        {
            variables[assignment.Groups[1].Value] = Value(assignment.Groups[2].Value.Trim());
            return;
        }
        Value(statement);
    }

    private void Print(string argumentText)
    {
        var values = new List<string>();
        var end = "\n";
        var separator = " ";
        var flush = false;
        var toStderr = false;
        foreach (var argument in SplitTopLevel(argumentText, ','))
        {
            var trimmed = argument.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            if (Keyword().Match(trimmed) is { Success: true } keyword)
            {
                var value = keyword.Groups[2].Value.Trim();
                switch (keyword.Groups[1].Value)
                {
                    case "flush": flush = value == "True"; break;
                    case "file": toStderr = value == "sys.stderr"; break;
                    case "end": end = Text(value); break;
                    case "sep": separator = Text(value); break;
                }
                continue;
            }
            values.Add(Display(Value(trimmed)));
        }
        var line = string.Join(separator, values) + end;
        if (toStderr)
        {
            process.Error(line);
        }
        else if (unbuffered)
        {
            process.Print(line);
        }
        else
        {
            buffered.Append(line);
        }
        if (flush)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (buffered.Length > 0)
        {
            process.Print(buffered.ToString());
            buffered.Clear();
        }
    }

    private object Value(string expression)
    {
        expression = expression.Trim();
        if (Allocation().Match(expression) is { Success: true } allocation)
        {
            var size = Number(allocation.Groups[1].Value);
            Allocate(size);
            return $"<{size} bytes>";
        }
        if (Repetition().Match(expression) is { Success: true } repeat)
        {
            var unit = repeat.Groups[1].Value.StartsWith('[') ? 8 : Math.Max(1, Text(repeat.Groups[1].Value.TrimStart('b')).Length);
            var size = unit * Number(repeat.Groups[2].Value);
            Allocate(size);
            return $"<{size} bytes>";
        }
        if (expression.Length > 0 && (expression[0] is '\'' or '"' || (expression.Length > 1 && expression[0] is 'f' or 'r' or 'b' && expression[1] is '\'' or '"')))
        {
            return Text(expression);
        }
        if (EnvLookup().Match(expression) is { Success: true } env)
        {
            var name = Text(env.Groups[2].Value);
            var value = process.GetEnv(name);
            if (value is null && env.Groups[1].Value == "os.environ[")
            {
                Raise("KeyError", $"'{name}'");
            }
            return value ?? (env.Groups[3].Success ? Text(env.Groups[3].Value) : "None");
        }
        if (variables.TryGetValue(expression, out var variable))
        {
            return variable;
        }
        if (NumberPattern().IsMatch(expression))
        {
            return Number(expression);
        }
        throw NotUnderstood($"the Python expression '{Shorten(expression)}'");
    }

    private void Allocate(long bytes)
    {
        // Touching freshly allocated memory runs at roughly a gigabyte per second.
        var trace = Machine.Trace;
        var duration = TimeSpan.FromSeconds(Math.Max(0.05, bytes / (1024d * 1024 * 1024)));
        trace.RampMemory(process.Clock, duration, trace.Memory + bytes);
        Machine.Advance(duration);
    }

    private string Text(string literal)
    {
        var prefix = "";
        while (literal.Length > 0 && char.IsAsciiLetter(literal[0]))
        {
            prefix += char.ToLowerInvariant(literal[0]);
            literal = literal[1..];
        }
        if (literal.Length < 2 || literal[0] != literal[^1] || literal[0] is not ('\'' or '"'))
        {
            throw NotUnderstood($"the Python string {Shorten(prefix + literal)}");
        }
        var quote = literal.StartsWith("\"\"\"", StringComparison.Ordinal) || literal.StartsWith("'''", StringComparison.Ordinal) ? 3 : 1;
        var body = literal[quote..^quote];
        if (!prefix.Contains('r'))
        {
            body = Shell.EchoCommand.Unescape(body, octalNeedsZero: false).Text;
        }
        if (prefix.Contains('f'))
        {
            body = FormatField().Replace(body, m => Display(Value(m.Groups[1].Value)));
        }
        return body;
    }

    private static string Display(object value) => value switch
    {
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private long Number(string expression)
    {
        var cleaned = expression.Replace("_", "", StringComparison.Ordinal).Replace("//", "/", StringComparison.Ordinal).Replace("**", "^", StringComparison.Ordinal);
        if (IntCall().Match(cleaned) is { Success: true } call)
        {
            cleaned = call.Groups[1].Value;
        }
        if (double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var literal))
        {
            return (long)literal;
        }
        if (variables.TryGetValue(cleaned.Trim(), out var variable) && variable is long known)
        {
            return known;
        }
        var tokens = NumberToken().Matches(cleaned).Select(m => m.Value).ToList();
        if (tokens.Count == 0 || string.Concat(tokens) != cleaned.Replace(" ", "", StringComparison.Ordinal))
        {
            throw NotUnderstood($"the Python number '{Shorten(expression)}'");
        }
        var position = 0;
        var result = Sum(tokens, ref position);
        return position == tokens.Count ? result : throw NotUnderstood($"the Python number '{Shorten(expression)}'");
    }

    private static long Sum(List<string> tokens, ref int position)
    {
        var value = Product(tokens, ref position);
        while (position < tokens.Count && tokens[position] is "+" or "-")
        {
            var op = tokens[position++];
            var right = Product(tokens, ref position);
            value = op == "+" ? value + right : value - right;
        }
        return value;
    }

    private static long Product(List<string> tokens, ref int position)
    {
        var value = Power(tokens, ref position);
        while (position < tokens.Count && tokens[position] is "*" or "/")
        {
            var op = tokens[position++];
            var right = Power(tokens, ref position);
            value = op == "*" ? value * right : right == 0 ? 0 : value / right;
        }
        return value;
    }

    private static long Power(List<string> tokens, ref int position)
    {
        var value = Atom(tokens, ref position);
        if (position < tokens.Count && tokens[position] == "^")
        {
            position++;
            value = (long)Math.Pow(value, Power(tokens, ref position));
        }
        return value;
    }

    private static long Atom(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            return 0;
        }
        var token = tokens[position++];
        if (token == "(")
        {
            var inner = Sum(tokens, ref position);
            position++;
            return inner;
        }
        if (token == "-")
        {
            return -Atom(tokens, ref position);
        }
        return long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
    }

    private void Raise(string type, string message)
    {
        Flush();
        process.Error($"Traceback (most recent call last):\n  File \"{source}\", line {lineNumber}, in <module>\n{type}: {message}\n");
        throw new PythonExit(1);
    }

    private NotUnderstoodException NotUnderstood(string what) =>
        new(process.Name, $"{what} is not simulated");

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    private static IEnumerable<string> SplitStatements(string line) => SplitTopLevel(line, ';');

    // Splits at a separator outside quotes and brackets.
    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
                continue;
            }
            if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private sealed class PythonExit(int code) : Exception("python exited")
    {
        public int Code { get; } = code;
    }

    [GeneratedRegex(@"^while\s+(?:True|1)\s*:(.*)$")]
    private static partial Regex WhileTrue();

    [GeneratedRegex(@"^(?:from\s+([\w.]+)\s+import\s+.+|import\s+(.+))$")]
    private static partial Regex Import();

    [GeneratedRegex(@"^(?:time\.)?sleep\((.+)\)$")]
    private static partial Regex Sleep();

    [GeneratedRegex(@"^print\((.*)\)$")]
    private static partial Regex PrintCall();

    [GeneratedRegex(@"^(?:sys\.exit|exit|quit|os\._exit|raise\s+SystemExit)\((.*)\)$")]
    private static partial Regex ExitCall();

    [GeneratedRegex(@"^raise\s+(\w+)(?:\((.*)\))?$")]
    private static partial Regex RaiseStatement();

    [GeneratedRegex(@"^(?:signal\.pause\(\)|threading\.Event\(\)\.wait\(\)|time\.sleep\(float\(['""]inf['""]\)\))$")]
    private static partial Regex Waits();

    [GeneratedRegex(@"^([A-Za-z_]\w*)\s*=(?!=)\s*(.+)$")]
    private static partial Regex AssignmentStatement();

    [GeneratedRegex(@"^(\w+)\s*=\s*(.+)$")]
    private static partial Regex Keyword();

    [GeneratedRegex(@"^(?:bytearray|bytes)\((.+)\)$")]
    private static partial Regex Allocation();

    [GeneratedRegex(@"^(b?'[^']*'|b?""[^""]*""|\[[^\]]*\])\s*\*\s*(.+)$")]
    private static partial Regex Repetition();

    [GeneratedRegex(@"^(os\.environ\[|os\.environ\.get\(|os\.getenv\()\s*('[^']*'|""[^""]*"")\s*(?:,\s*('[^']*'|""[^""]*""))?\s*[\])]$")]
    private static partial Regex EnvLookup();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex FormatField();

    [GeneratedRegex(@"^int\((.+)\)$")]
    private static partial Regex IntCall();

    [GeneratedRegex(@"\d+|[-+*/^()]")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"^[\d_.eE+\-*/() ]+$")]
    private static partial Regex NumberPattern();
}
