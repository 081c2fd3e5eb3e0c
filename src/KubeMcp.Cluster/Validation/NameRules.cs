using System.Text.RegularExpressions;

namespace KubeMcp.Cluster.Validation;

/// <summary>
/// The API server's name and key syntax checks (<c>k8s.io/apimachinery/pkg/util/validation</c>). Each returns the
/// problems found, in the server's words; an empty list means valid.
/// </summary>
internal static partial class NameRules
{
    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string Dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";
    private const string ConfigKeyFormat = "[-._a-zA-Z0-9]+";
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    public static IReadOnlyList<string> Dns1123Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add(MaxLength(63));
        }
        if (!Dns1123LabelRegex().IsMatch(value))
        {
            errors.Add(RegexError(
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                Dns1123LabelFormat, "my-name", "123-abc"));
        }
        return errors;
    }

    public static IReadOnlyList<string> Dns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253)
        {
            errors.Add(MaxLength(253));
        }
        if (!Dns1123SubdomainRegex().IsMatch(value))
        {
            errors.Add(RegexError(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                Dns1123SubdomainFormat, "example.com"));
        }
        return errors;
    }

    public static IReadOnlyList<string> Dns1035Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add(MaxLength(63));
        }
        if (!Dns1035LabelRegex().IsMatch(value))
        {
            errors.Add(RegexError(
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                Dns1035LabelFormat, "my-name", "abc-123"));
        }
        return errors;
    }

    /// <summary>Names that only have to be usable as a URL path segment (RBAC objects and a few others).</summary>
    public static IReadOnlyList<string> PathSegment(string value)
    {
        if (value is "." or "..")
        {
            return [$"may not be '{value}'"];
        }
        var errors = new List<string>();
        foreach (var bad in (string[])["/", "%"])
        {
            if (value.Contains(bad, StringComparison.Ordinal))
            {
                errors.Add($"may not contain '{bad}'");
            }
        }
        return errors;
    }

    /// <summary>Label and annotation keys: an optional DNS subdomain prefix and '/', then a name of up to 63 characters.</summary>
    public static IReadOnlyList<string> QualifiedName(string value)
    {
        var parts = value.Split('/');
        string name;
        var errors = new List<string>();
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    errors.AddRange(Dns1123Subdomain(parts[0]).Select(e => "prefix part " + e));
                }
                break;
            default:
                return [RegexError("a qualified name " + QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc") +
                        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }
        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > 63)
        {
            errors.Add("name part " + MaxLength(63));
        }
        if (name.Length > 0 && !QualifiedNameRegex().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }
        return errors;
    }

    public static IReadOnlyList<string> LabelValue(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add(MaxLength(63));
        }
        if (!LabelValueRegex().IsMatch(value))
        {
            errors.Add(RegexError(
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                LabelValueFormat, "MyValue", "my_value", "12345"));
        }
        return errors;
    }

    /// <summary>ConfigMap and Secret data keys.</summary>
    public static IReadOnlyList<string> ConfigKey(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253)
        {
            errors.Add(MaxLength(253));
        }
        if (!ConfigKeyRegex().IsMatch(value))
        {
            errors.Add(RegexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", ConfigKeyFormat,
                "key.name", "KEY_NAME", "key-name"));
        }
        if (value is "." or "..")
        {
            errors.Add($"must not be '{value}'");
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            errors.Add("must not start with '..'");
        }
        return errors;
    }

    /// <summary>Port names (IANA service names): up to 15 lower-case alphanumerics or '-', with at least one letter.</summary>
    public static IReadOnlyList<string> PortName(string value)
    {
        var errors = new List<string>();
        if (value.Length > 15)
        {
            errors.Add(MaxLength(15));
        }
        if (!PortNameCharsRegex().IsMatch(value))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (value.Contains("--", StringComparison.Ordinal))
        {
            errors.Add("must not contain consecutive hyphens");
        }
        if (!value.Any(char.IsAsciiLetterLower))
        {
            errors.Add("must contain at least one letter (a-z)");
        }
        if (value.StartsWith('-') || value.EndsWith('-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }
        return errors;
    }

    public static string MaxLength(int length) => $"must be no more than {length} characters";

    /// <summary>The server's regex error text; note the double space its formatting puts before " or ".</summary>
    private static string RegexError(string message, string format, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return $"{message} (regex used for validation is '{format}')";
        }
        var text = message + " (e.g. " + string.Join(" or ", examples.Select(e => $"'{e}', ")) + $"regex used for validation is '{format}')";
        return text;
    }

    [GeneratedRegex("^" + Dns1123LabelFormat + "\\z")]
    private static partial Regex Dns1123LabelRegex();

    [GeneratedRegex("^" + Dns1123SubdomainFormat + "\\z")]
    private static partial Regex Dns1123SubdomainRegex();

    [GeneratedRegex("^" + Dns1035LabelFormat + "\\z")]
    private static partial Regex Dns1035LabelRegex();

    [GeneratedRegex("^" + QualifiedNameFormat + "\\z")]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex("^" + LabelValueFormat + "\\z")]
    private static partial Regex LabelValueRegex();

    [GeneratedRegex("^" + ConfigKeyFormat + "\\z")]
    private static partial Regex ConfigKeyRegex();

    [GeneratedRegex("^[-a-z0-9]+\\z")]
    private static partial Regex PortNameCharsRegex();
}
