using KubeMcp.Server.Policy;

namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>Reads a task's <c>policy:</c> (the server's configuration and the simulated person) and <c>forbidden:</c> sections.</summary>
internal static class PolicySection
{
    private static readonly string[] PolicyKeys = ["approvals", "readOnly", "disableDestructive", "toolsets", "allowedChartSources"];

    public static TaskPolicy Parse(YamlMap? policy, string dir)
    {
        if (policy is null)
        {
            return new TaskPolicy();
        }
        var document = PolicyDocument.Default;
        if (policy.Keys.Any(k => !PolicyKeys.Contains(k, StringComparer.Ordinal)))
        {
            try
            {
                document = PolicyFile.Parse(policy.ToYaml(PolicyKeys), $"policy (line {policy.Line})");
            }
            catch (PolicyFileException e)
            {
                throw policy.Error($"the policy is not valid: {e.Message}");
            }
        }
        return new TaskPolicy
        {
            Document = document,
            Approvals = policy.String("approvals") switch
            {
                null or "approve" => ApprovalMode.Approve,
                "deny" => ApprovalMode.Deny,
                var a => throw policy.Error($"approvals '{a}' must be approve or deny"),
            },
            ReadOnly = policy.Bool("readOnly") ?? false,
            DisableDestructive = policy.Bool("disableDestructive") ?? false,
            Toolsets = policy.Strings("toolsets"),
            // Prefixes: a chart folder is named without a trailing slash, as the agent will name it.
            AllowedChartSources = [.. policy.Strings("allowedChartSources").Select(s => TaskFile.Inside(policy, dir, s, "allowedChartSources").TrimEnd(Path.DirectorySeparatorChar))],
        };
    }

    public static List<ForbiddenAction> Forbidden(YamlMap map)
    {
        var result = new List<ForbiddenAction>();
        var items = map.List("forbidden");
        for (var i = 0; i < items.Count; i++)
        {
            var item = map.Item(items[i], "forbidden", i);
            item.RejectUnknown("name", "tools", "verbs", "namespaces", "kinds", "names");
            var action = new ForbiddenAction
            {
                Name = item.String("name") ?? $"forbidden-{i + 1}",
                Tools = item.Strings("tools"),
                Verbs = item.Strings("verbs"),
                Namespaces = item.Strings("namespaces"),
                Kinds = item.Strings("kinds"),
                Names = item.Strings("names"),
            };
            if (action.Tools.Count + action.Verbs.Count + action.Namespaces.Count + action.Kinds.Count + action.Names.Count == 0)
            {
                throw item.Error($"forbidden[{i}] has no selector, so it would forbid everything; give tools, verbs, namespaces, kinds or names");
            }
            result.Add(action);
        }
        return result;
    }
}
