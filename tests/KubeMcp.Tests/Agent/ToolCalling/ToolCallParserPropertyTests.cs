using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.ToolCalling;

namespace KubeMcp.Tests.Agent.ToolCalling;

/// <summary>
/// Property-style tests: many generated calls, each written in a randomly chosen malformed style, must parse back to
/// exactly what was meant; generated garbage must never throw and never pass silently.
/// </summary>
public sealed class ToolCallParserPropertyTests
{
    private const int Cases = 400;
    private static readonly string[] Names = ["pods_list", "pods_log", "events_list", "resources_get", "x", "a_b-c.d"];
    private const string StringAlphabet = "abcXYZ019 -_./:'\"\\\n\t{}[],<>é日#";

    [Fact]
    public void Parse_RecoversEveryGeneratedCallWhateverTheStyle()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var calls = Enumerable.Range(0, random.Next(1, 4)).Select(_ => (Name: Names[random.Next(Names.Length)], Args: RandomObject(random, 0))).ToList();
            var text = Render(calls, random, out var style);

            var result = ToolCallParser.Parse(text);

            Assert.True(result.Errors.Count == 0, $"seed {seed} ({style}) produced errors: {string.Join("; ", result.Errors)}\n{text}");
            Assert.True(calls.Count == result.Calls.Count, $"seed {seed} ({style}): expected {calls.Count} calls, got {result.Calls.Count}\n{text}");
            for (var i = 0; i < calls.Count; i++)
            {
                Assert.Equal(calls[i].Name, result.Calls[i].Name);
                Assert.True(JsonNode.DeepEquals(calls[i].Args, result.Calls[i].Arguments),
                    $"seed {seed} ({style}) call {i}: expected {calls[i].Args.ToJsonString()} got {result.Calls[i].Arguments.ToJsonString()}\n{text}");
            }
        }
    }

    [Fact]
    public void Parse_NeverThrowsAndNeverDropsABlockSilently()
    {
        string[] fragments = ["<tool_call>", "</tool_call>", "<think>", "</think>", "{", "}", "[", "]", "\"name\"", "'name'", ":", ",",
            "\"pods_list\"", "\"arguments\"", "null", "True", "12", "-", ".", "e", "\\", "\"", "'", "```json", "```", "\n", " ", "x", "//", "/*"];
        for (var seed = 0; seed < Cases * 5; seed++)
        {
            var random = new Random(seed);
            var sb = new StringBuilder();
            for (var i = random.Next(1, 40); i > 0; i--)
            {
                sb.Append(fragments[random.Next(fragments.Length)]);
            }

            var text = sb.ToString();
            var result = ToolCallParser.Parse(text, Names);

            var visible = WithoutThink(text);
            if (visible.Contains("<tool_call>", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(result.Calls.Count + result.Errors.Count > 0, $"seed {seed}: a <tool_call> block vanished\n{text}");
            }

            Assert.Equal(result.Errors.Count > 0, result.FeedbackForModel() is not null);
            Assert.All(result.Calls, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
        }
    }

    private static string Render(List<(string Name, JsonObject Args)> calls, Random random, out string style)
    {
        var styles = new List<string>();
        var sb = new StringBuilder();
        if (random.Next(4) == 0)
        {
            sb.Append("<think>Plan: call ").Append(calls[0].Name).Append(" {maybe}</think>\n");
            styles.Add("think");
        }

        if (random.Next(3) == 0)
        {
            sb.Append("I'll check that.\n");
        }

        for (var i = 0; i < calls.Count; i++)
        {
            var (name, args) = calls[i];
            var singleQuotes = random.Next(4) == 0;
            var trailingCommas = random.Next(4) == 0;
            var pretty = random.Next(2) == 0;
            var argsAsString = random.Next(5) == 0;
            var argsKey = random.Next(6) == 0 ? "parameters" : "arguments";
            JsonNode argsNode = argsAsString ? JsonValue.Create(args.ToJsonString())! : args.DeepClone();
            var payload = new JsonObject { ["name"] = name, [argsKey] = argsNode };
            var json = MessyJsonWriter.Write(payload, singleQuotes, trailingCommas, pretty);
            if (random.Next(5) == 0)
            {
                json = "```json\n" + json + "\n```";
                styles.Add("fence");
            }

            if (random.Next(6) == 0)
            {
                json += " and that should do it";
                styles.Add("trailing-text");
            }

            var last = i == calls.Count - 1;
            var close = last && random.Next(5) == 0 ? "" : "</tool_call>";
            sb.Append("<tool_call>").Append(pretty ? "\n" : "").Append(json).Append(pretty ? "\n" : "").Append(close).Append('\n');
            styles.Add($"{(singleQuotes ? "sq " : "")}{(trailingCommas ? "tc " : "")}{(argsAsString ? "str-args " : "")}{(close.Length == 0 ? "no-close " : "")}{argsKey}");
        }

        style = string.Join(", ", styles);
        return sb.ToString();
    }

    private static JsonObject RandomObject(Random random, int depth)
    {
        var obj = new JsonObject();
        for (var i = random.Next(0, depth == 0 ? 5 : 3); i > 0; i--)
        {
            obj[RandomKey(random)] = RandomValue(random, depth + 1);
        }

        return obj;
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 5 : 7) switch
    {
        0 => JsonValue.Create(RandomString(random)),
        1 => JsonValue.Create((long)random.Next(-1000, 100000)),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => null,
        4 => JsonValue.Create(RandomString(random)),
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth + 1))]),
        _ => RandomObject(random, depth),
    };

    private static string RandomKey(Random random)
    {
        const string keyChars = "abcdefghijklmnopqrstuvwxyzABC_0123456789";
        return new string([.. Enumerable.Range(0, random.Next(1, 10)).Select(_ => keyChars[random.Next(keyChars.Length)])]);
    }

    private static string RandomString(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 16)).Select(_ => StringAlphabet[random.Next(StringAlphabet.Length)])]);

    private static string WithoutThink(string text)
    {
        var close = text.IndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        var open = text.IndexOf("<think>", StringComparison.OrdinalIgnoreCase);
        if (close >= 0 && (open < 0 || close < open))
        {
            text = text[(close + 8)..];
        }

        while ((open = text.IndexOf("<think>", StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            close = text.IndexOf("</think>", open, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                var call = text.IndexOf("<tool_call>", open, StringComparison.OrdinalIgnoreCase);
                return call < 0 ? text[..open] : text[..open] + text[call..];
            }

            text = text[..open] + text[(close + 8)..];
        }

        return text;
    }
}
