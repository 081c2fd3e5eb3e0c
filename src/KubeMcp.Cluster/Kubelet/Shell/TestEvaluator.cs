using System.Globalization;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// <c>test</c> / <c>[</c>: string, integer and file tests combined with <c>!</c>, <c>-a</c>, <c>-o</c> and
/// parentheses. Returns 0 (true), 1 (false) or 2 with an error message.
/// </summary>
internal sealed class TestEvaluator
{
    private readonly IReadOnlyList<string> args;
    private readonly VirtualFileSystem files;
    private readonly string cwd;
    private int position;

    private TestEvaluator(IReadOnlyList<string> args, VirtualFileSystem files, string cwd)
    {
        this.args = args;
        this.files = files;
        this.cwd = cwd;
    }

    /// <summary>Evaluates; on error returns status 2 and the message after the command name (for example <c>x: integer expression expected</c>).</summary>
    public static (int Status, string? Error) Evaluate(IReadOnlyList<string> args, VirtualFileSystem files, string cwd)
    {
        if (args.Count == 0)
        {
            return (1, null);
        }
        var evaluator = new TestEvaluator(args, files, cwd);
        try
        {
            var result = evaluator.Or();
            if (evaluator.position < args.Count)
            {
                return (2, $"{args[evaluator.position]}: unexpected operator");
            }
            return (result ? 0 : 1, null);
        }
        catch (FormatException e)
        {
            return (2, e.Message);
        }
    }

    private bool Or()
    {
        var value = And();
        while (Peek() == "-o")
        {
            position++;
            value = And() || value;
        }
        return value;
    }

    private bool And()
    {
        var value = Not();
        while (Peek() == "-a")
        {
            position++;
            value = Not() && value;
        }
        return value;
    }

    private bool Not()
    {
        if (Peek() == "!" && position + 1 < args.Count)
        {
            position++;
            return !Not();
        }
        return Primary();
    }

    private bool Primary()
    {
        var remaining = args.Count - position;
        if (remaining == 0)
        {
            throw new FormatException("argument expected");
        }
        var first = args[position];
        if (first == "(" && remaining >= 3)
        {
            position++;
            var inner = Or();
            if (Peek() != ")")
            {
                throw new FormatException("')' expected");
            }
            position++;
            return inner;
        }
        if (remaining >= 3 && IsBinary(args[position + 1]))
        {
            var op = args[position + 1];
            var right = args[position + 2];
            position += 3;
            return Binary(first, op, right);
        }
        if (remaining >= 2 && first.Length == 2 && first[0] == '-' && IsUnary(first))
        {
            var operand = args[position + 1];
            position += 2;
            return Unary(first, operand);
        }
        position++;
        return first.Length > 0;
    }

    private string? Peek() => position < args.Count ? args[position] : null;

    private static bool IsBinary(string op) =>
        op is "=" or "==" or "!=" or "<" or ">" or "-eq" or "-ne" or "-lt" or "-le" or "-gt" or "-ge";

    private static bool IsUnary(string op) => "nzefdrwxsLhpSbcgukGOt".Contains(op[1]);

    private bool Binary(string left, string op, string right) => op switch
    {
        "=" or "==" => left == right,
        "!=" => left != right,
        "<" => string.CompareOrdinal(left, right) < 0,
        ">" => string.CompareOrdinal(left, right) > 0,
        "-eq" => Integer(left) == Integer(right),
        "-ne" => Integer(left) != Integer(right),
        "-lt" => Integer(left) < Integer(right),
        "-le" => Integer(left) <= Integer(right),
        "-gt" => Integer(left) > Integer(right),
        _ => Integer(left) >= Integer(right),
    };

    private bool Unary(string op, string operand)
    {
        var path = VirtualFileSystem.Normalize(operand, cwd);
        return op[1] switch
        {
            'n' => operand.Length > 0,
            'z' => operand.Length == 0,
            'e' => operand.Length > 0 && files.Exists(path),
            'f' => operand.Length > 0 && files.IsFile(path),
            'd' => operand.Length > 0 && files.IsDirectory(path),
            'r' => operand.Length > 0 && files.Exists(path),
            'w' => operand.Length > 0 && files.Exists(path) && !files.IsReadOnly(path),
            'x' => operand.Length > 0 && (files.IsExecutable(path) || files.IsDirectory(path)),
            's' => operand.Length > 0 && files.IsFile(path) && files.Size(path) > 0,
            _ => false,
        };
    }

    private static long Integer(string text)
    {
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw new FormatException($"{text}: integer expression expected");
    }
}
