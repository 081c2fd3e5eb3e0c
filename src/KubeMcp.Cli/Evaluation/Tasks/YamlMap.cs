using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>
/// A YAML mapping read strictly: typed getters whose errors name the file, the line and the key, and a check that
/// rejects unknown keys, so a typo in a task cannot silently drop an assertion.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _source;
    private readonly string _path;

    private YamlMap(YamlMappingNode node, string source, string path)
    {
        _node = node;
        _source = source;
        _path = path;
    }

    public static YamlMap Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var detail = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            throw new TaskFormatException($"{source} line {e.Start.Line}: not valid YAML: {detail}", e);
        }
        if (stream.Documents.Count == 0)
        {
            throw new TaskFormatException($"{source}: the file is empty; a task needs at least a prompt and a verification");
        }
        if (stream.Documents.Count > 1)
        {
            throw new TaskFormatException($"{source}: holds {stream.Documents.Count} YAML documents; a task file holds one");
        }
        return stream.Documents[0].RootNode is YamlMappingNode map
            ? new YamlMap(map, source, "")
            : throw new TaskFormatException($"{source} line {stream.Documents[0].RootNode.Start.Line}: a task file is a mapping of keys (prompt:, verify:, …)");
    }

    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public bool Has(string key) => Node(key) is not null;

    public bool IsMapping(string key) => Node(key) is YamlMappingNode;

    /// <summary>Fails on the first key not in <paramref name="known"/>.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"unknown key '{Where(name)}'; expected one of {string.Join(", ", known)}");
            }
        }
    }

    public string? String(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode s when s.Style is not ScalarStyle.Plain || s.Value is not ("" or "~" or "null") => s.Value,
        YamlScalarNode => null,
        var n => throw Error(n, $"'{Where(key)}' must be a text value"),
    };

    public string RequiredString(string key) =>
        String(key) is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s : throw Error(_node, $"'{Where(key)}' is required and must not be empty");

    public bool? Bool(string key) => String(key) switch
    {
        null => null,
        "true" or "True" or "yes" => true,
        "false" or "False" or "no" => false,
        var s => throw Error(Node(key)!, $"'{Where(key)}' must be true or false, not '{s}'"),
    };

    public long? Long(string key, long min = 0)
    {
        if (String(key) is not { } s)
        {
            return null;
        }
        return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw Error(Node(key)!, $"'{Where(key)}' must be a whole number of at least {min}, not '{s}'");
    }

    public TimeSpan? Duration(string key)
    {
        if (String(key) is not { } s)
        {
            return null;
        }
        return GoDuration.TryParse(s, out var d)
            ? d
            : throw Error(Node(key)!, $"'{Where(key)}' must be a duration such as 30s, 2m or 1h30m, not '{s}'");
    }

    public YamlMap? Map(string key) => Node(key) switch
    {
        null => null,
        YamlMappingNode m => new YamlMap(m, _source, Where(key)),
        YamlScalarNode { Value: "" or "~" or "null" or null } => null,
        var n => throw Error(n, $"'{Where(key)}' must be a mapping (key: value lines)"),
    };

    /// <summary>The items of a list (a single value counts as a list of one).</summary>
    public IReadOnlyList<YamlNode> List(string key) => Node(key) switch
    {
        null => [],
        YamlSequenceNode seq => seq.Children.ToList(),
        YamlScalarNode { Value: "" or "~" or "null" or null, Style: ScalarStyle.Plain } => [],
        var n => [n],
    };

    /// <summary>A list of text values (or one value).</summary>
    public IReadOnlyList<string> Strings(string key) =>
        List(key).Select(n => n is YamlScalarNode { Value: { } v } ? v : throw Error(n, $"'{Where(key)}' must list text values")).ToList();

    /// <summary>An item of a list as a mapping.</summary>
    public YamlMap Item(YamlNode node, string key, int index) => node is YamlMappingNode m
        ? new YamlMap(m, _source, $"{Where(key)}[{index}]")
        : throw Error(node, $"'{Where(key)}[{index}]' must be a mapping (key: value lines)");

    /// <summary>This mapping without <paramref name="omit"/>, as YAML text (to hand a sub-document to another parser).</summary>
    public string ToYaml(params string[] omit)
    {
        var copy = new YamlMappingNode();
        foreach (var (key, value) in _node.Children)
        {
            if (!omit.Contains((key as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal))
            {
                copy.Add(key, value);
            }
        }
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(copy)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    public TaskFormatException Error(YamlNode node, string message) =>
        new($"{_source} line {node.Start.Line}: {message}");

    public TaskFormatException Error(string message) => Error(_node, message);

    public int Line => (int)_node.Start.Line;

    private YamlNode? Node(string key) => _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private string Where(string key) => _path.Length == 0 ? key : $"{_path}.{key}";
}
