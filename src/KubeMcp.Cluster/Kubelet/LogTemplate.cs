using System.Globalization;
using System.Text;

namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// Fills in <c>{{…}}</c> placeholders in catalog log lines. Placeholders: <c>time:FORMAT</c> (a .NET date format of
/// the moment the line is printed, UTC), <c>version</c>, <c>hostname</c>, <c>podIP</c>, <c>namespace</c>,
/// <c>kernel</c>, <c>var:NAME</c>, <c>env:NAME[:DEFAULT]</c> and <c>flag:NAME[:DEFAULT]</c> (the value of
/// <c>--NAME=V</c> or <c>--NAME V</c> among the program's arguments).
/// </summary>
internal static class LogTemplate
{
    private static readonly HashSet<string> Known =
        ["time", "version", "hostname", "podIP", "namespace", "kernel", "var", "env", "flag"];

    public static string Render(string template, TemplateScope scope, TimeSpan offset)
    {
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return template;
        }
        var output = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                output.Append(template, position, template.Length - position);
                break;
            }
            output.Append(template, position, open - position);
            output.Append(Resolve(template[(open + 2)..close], scope, offset));
            position = close + 2;
        }
        return output.ToString();
    }

    /// <summary>The placeholders in <paramref name="template"/> that <see cref="Render"/> would not understand.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string template)
    {
        var position = 0;
        while (true)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                yield break;
            }
            var body = template[(open + 2)..close];
            var colon = body.IndexOf(':');
            var name = colon < 0 ? body : body[..colon];
            if (!Known.Contains(name) || (name is "var" or "env" or "flag" && colon < 0))
            {
                yield return "{{" + body + "}}";
            }
            position = close + 2;
        }
    }

    private static string Resolve(string body, TemplateScope scope, TimeSpan offset)
    {
        var colon = body.IndexOf(':');
        var name = colon < 0 ? body : body[..colon];
        var argument = colon < 0 ? "" : body[(colon + 1)..];
        return name switch
        {
            "time" => (scope.ContainerStartedAt + offset).UtcDateTime.ToString(
                argument.Length == 0 ? "yyyy-MM-ddTHH:mm:ssZ" : argument, CultureInfo.InvariantCulture),
            "version" => scope.Version,
            "hostname" => scope.Hostname,
            "podIP" => scope.PodIP,
            "namespace" => scope.Namespace,
            "kernel" => scope.Kernel,
            "var" => scope.Vars.GetValueOrDefault(argument, ""),
            "env" => WithDefault(argument, scope.Env),
            "flag" => WithDefault(argument, flag => FlagValue(scope.Args, flag)),
            _ => "{{" + body + "}}",
        };
    }

    private static string WithDefault(string argument, Func<string, string?> lookup)
    {
        var colon = argument.IndexOf(':');
        var key = colon < 0 ? argument : argument[..colon];
        var fallback = colon < 0 ? "" : argument[(colon + 1)..];
        var value = lookup(key);
        return string.IsNullOrEmpty(value) ? fallback : value;
    }

    /// <summary>The value of <c>--name=value</c>, <c>--name value</c> or <c>-name value</c> in an argument list.</summary>
    public static string? FlagValue(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i].TrimStart('-');
            if (arg.Length == args[i].Length)
            {
                continue;
            }
            if (arg.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return arg[(name.Length + 1)..];
            }
            if (arg == name && i + 1 < args.Count)
            {
                return args[i + 1];
            }
        }
        return null;
    }
}
