using System.Text.RegularExpressions;

namespace KubeMcp.Server.Tools;

/// <summary>Checks label and field selectors before they reach the API server, so a typo gets an answer that names the argument.</summary>
internal static partial class SelectorSyntax
{
    public static string? Label(ToolArguments args, string name)
    {
        var value = args.String(name);
        if (value is null)
        {
            return null;
        }
        if (!LabelPattern().IsMatch(value) || value.Count(c => c == '(') != value.Count(c => c == ')') || value.StartsWith(',') || value.EndsWith(','))
        {
            throw new ToolArgumentException(name,
                $"'{value}' is not a label selector; write it like 'app=web', 'app=web,tier!=cache', 'env in (prod,staging)' or '!canary'");
        }
        return value;
    }

    public static string? Field(ToolArguments args, string name)
    {
        var value = args.String(name);
        if (value is null)
        {
            return null;
        }
        if (!FieldPattern().IsMatch(value))
        {
            throw new ToolArgumentException(name,
                $"'{value}' is not a field selector; write it like 'status.phase=Running' or 'metadata.name!=web,spec.nodeName=node-1'");
        }
        return value;
    }

    [GeneratedRegex(@"^[/_.\-A-Za-z0-9=, ()!]+$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[.\-A-Za-z0-9]+(==|!=|=)[./\-A-Za-z0-9_:]*(,[.\-A-Za-z0-9]+(==|!=|=)[./\-A-Za-z0-9_:]*)*$")]
    private static partial Regex FieldPattern();
}
