using System.Text.Json;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>One Dockerfile instruction: its keyword (upper case), the rest of the line, and where it started.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Line)
{
    /// <summary>The arguments of an exec-form instruction (<c>["a", "b"]</c>), or null for the shell form.</summary>
    public IReadOnlyList<string>? ExecForm()
    {
        if (!Arguments.StartsWith('['))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<string[]>(Arguments);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A build stage: its base image, its name (<c>AS name</c>), and its instructions after FROM.</summary>
public sealed record DockerStage(string BaseImage, string? Name, string? Platform, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);
}

/// <summary>
/// Enough of the Dockerfile syntax to check our own: comments, line continuations with <c>\</c>, instructions, and
/// FROM's <c>--platform</c> and <c>AS</c>. Not handled: heredocs and the <c># escape=</c> directive.
/// </summary>
public sealed class Dockerfile
{
    private static readonly HashSet<string> Keywords =
    [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
        "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ];

    private Dockerfile(IReadOnlyList<DockerInstruction> globalArgs, IReadOnlyList<DockerStage> stages)
    {
        GlobalArgs = globalArgs;
        Stages = stages;
    }

    /// <summary>ARG instructions before the first FROM.</summary>
    public IReadOnlyList<DockerInstruction> GlobalArgs { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    public DockerStage Final => Stages[^1];

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"the Dockerfile has no stage named {name}");

    /// <exception cref="FormatException">The text is not a Dockerfile (the message names the line).</exception>
    public static Dockerfile Parse(string text)
    {
        var instructions = Instructions(text);
        var globalArgs = new List<DockerInstruction>();
        var stages = new List<DockerStage>();
        List<DockerInstruction>? current = null;
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                current = [];
                stages.Add(ParseFrom(instruction, current));
            }
            else if (current is not null)
            {
                current.Add(instruction);
            }
            else if (instruction.Keyword == "ARG")
            {
                globalArgs.Add(instruction);
            }
            else
            {
                throw new FormatException($"line {instruction.Line}: {instruction.Keyword} before the first FROM (only ARG may come first)");
            }
        }
        if (stages.Count == 0)
        {
            throw new FormatException("no FROM instruction: a Dockerfile needs at least one build stage");
        }
        return new Dockerfile(globalArgs, stages);
    }

    private static List<DockerInstruction> Instructions(string text)
    {
        var result = new List<DockerInstruction>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? pending = null;
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            // Comment and blank lines are dropped, also inside a continued instruction.
            if (trimmed.StartsWith('#') || trimmed.Length == 0)
            {
                continue;
            }
            if (pending is null)
            {
                start = i + 1;
            }
            var continued = trimmed.EndsWith('\\');
            var piece = continued ? trimmed[..^1] : trimmed;
            pending = pending is null ? piece : pending + " " + piece;
            if (continued)
            {
                continue;
            }
            result.Add(Split(pending.Trim(), start));
            pending = null;
        }
        if (pending is not null)
        {
            throw new FormatException($"line {start}: the instruction ends with a line continuation and no next line");
        }
        return result;
    }

    private static DockerInstruction Split(string text, int line)
    {
        var space = text.IndexOfAny([' ', '\t']);
        var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
        if (!Keywords.Contains(keyword))
        {
            throw new FormatException($"line {line}: unknown instruction '{keyword}'");
        }
        var arguments = space < 0 ? "" : string.Join(' ', text[(space + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return new DockerInstruction(keyword, arguments, line);
    }

    private static DockerStage ParseFrom(DockerInstruction from, List<DockerInstruction> instructions)
    {
        var words = from.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? platform = null;
        while (words.Count > 0 && words[0].StartsWith("--", StringComparison.Ordinal))
        {
            if (words[0].StartsWith("--platform=", StringComparison.Ordinal))
            {
                platform = words[0]["--platform=".Length..];
            }
            words.RemoveAt(0);
        }
        return words switch
        {
            [var image] => new DockerStage(image, null, platform, instructions),
            [var image, var @as, var name] when @as.Equals("AS", StringComparison.OrdinalIgnoreCase) => new DockerStage(image, name, platform, instructions),
            [] => throw new FormatException($"line {from.Line}: FROM needs an image"),
            _ => throw new FormatException($"line {from.Line}: FROM takes an image and an optional 'AS name', not '{from.Arguments}'"),
        };
    }
}
