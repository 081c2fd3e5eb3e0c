using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Authorization;

/// <summary>
/// Decides requests the way kube-apiserver's authorizer chain does with <c>--authorization-mode=Node,RBAC</c> for
/// everything but kubelets: members of <c>system:masters</c> may do anything; anyone else needs a rule granted by a
/// ClusterRoleBinding, or by a RoleBinding in the request's namespace.
/// </summary>
internal sealed class RbacAuthorizer(IRbacSource source)
{
    // Stored objects are immutable snapshots, so parsed rules can be cached per object for as long as it is alive.
    private static readonly ConditionalWeakTable<JsonObject, IReadOnlyList<PolicyRule>> ParsedRules = new();

    public AuthorizationDecision Authorize(RequestAttributes request)
    {
        if (request.User.IsInGroup(WellKnownNames.MastersGroup))
        {
            return AuthorizationDecision.Allow("");
        }
        string? allowedBy = null;
        var errors = VisitRules(request.User, request.Namespace, (from, rule) =>
        {
            if (!rule.Allows(request))
            {
                return true;
            }
            allowedBy = from.ToString();
            return false;
        });
        if (allowedBy is not null)
        {
            return AuthorizationDecision.Allow($"RBAC: allowed by {allowedBy}");
        }
        return AuthorizationDecision.NoOpinion(errors.Count == 0 ? "" : $"RBAC: {Aggregate(errors)}");
    }

    /// <summary>
    /// Every rule the user holds in the namespace (cluster-wide ones included), as SelfSubjectRulesReview reports them,
    /// and the problems met on the way (bindings to missing roles).
    /// </summary>
    public (IReadOnlyList<PolicyRule> Rules, string? EvaluationError) RulesFor(UserInfo user, string @namespace)
    {
        var rules = new List<PolicyRule>();
        var errors = VisitRules(user, @namespace, (_, rule) =>
        {
            rules.Add(rule);
            return true;
        });
        return (rules, errors.Count == 0 ? null : Aggregate(errors));
    }

    /// <summary>
    /// The message of the 403 Status kube-apiserver returns, e.g.
    /// <c>pods "web-1" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "default"</c>.
    /// </summary>
    public static string ForbiddenMessage(RequestAttributes request, string reason = "")
    {
        var user = request.User.Name;
        string why;
        if (!request.IsResourceRequest)
        {
            why = $"User \"{user}\" cannot {request.Verb} path \"{request.Path}\"";
        }
        else
        {
            var scope = request.Namespace.Length > 0 ? $"in the namespace \"{request.Namespace}\"" : "at the cluster scope";
            why = $"User \"{user}\" cannot {request.Verb} resource \"{request.ResourceWithSubresource}\" in API group \"{request.ApiGroup}\" {scope}";
        }
        if (reason.Length > 0)
        {
            why = $"{why}: {reason}";
        }

        var groupResource = GroupResource(request);
        if (groupResource.Length == 0)
        {
            return $"forbidden: {why}";
        }
        return request.Name.Length == 0
            ? $"{groupResource} is forbidden: {why}"
            : $"{groupResource} \"{request.Name}\" is forbidden: {why}";
    }

    /// <summary>The 403 error for a request that was not allowed.</summary>
    public static ApiException Forbidden(RequestAttributes request, string reason = "")
    {
        var details = new JsonObject();
        if (request.Name.Length > 0)
        {
            details["name"] = request.Name;
        }
        if (request.IsResourceRequest && request.ApiGroup.Length > 0)
        {
            details["group"] = request.ApiGroup;
        }
        if (request.IsResourceRequest && request.Resource.Length > 0)
        {
            details["kind"] = request.Resource;
        }
        return new ApiException(403, "Forbidden", ForbiddenMessage(request, reason), details);
    }

    private static string GroupResource(RequestAttributes request) =>
        !request.IsResourceRequest || request.Resource.Length == 0 ? ""
        : request.ApiGroup.Length == 0 ? request.Resource
        : $"{request.Resource}.{request.ApiGroup}";

    /// <summary>
    /// Calls <paramref name="visitor"/> with each rule the user holds, ClusterRoleBindings first, until it returns
    /// false; returns the errors met (bindings whose role is missing).
    /// </summary>
    private List<string> VisitRules(UserInfo user, string @namespace, Func<RuleSource, PolicyRule, bool> visitor)
    {
        var errors = new List<string>();
        Dictionary<string, JsonObject>? clusterRoles = null;
        Dictionary<string, JsonObject>? roles = null;

        foreach (var binding in source.ClusterRoleBindings())
        {
            if (!Visit(binding, "")) return errors;
        }
        if (@namespace.Length > 0)
        {
            foreach (var binding in source.RoleBindings(@namespace))
            {
                if (!Visit(binding, @namespace)) return errors;
            }
        }
        return errors;

        bool Visit(JsonObject binding, string bindingNamespace)
        {
            if (FindSubject(user, binding, bindingNamespace) is not { } subject)
            {
                return true;
            }
            var roleRef = binding.Obj("roleRef");
            var roleKind = roleRef.Text("kind");
            var roleName = roleRef.Text("name");
            JsonObject? role;
            switch (roleKind)
            {
                case "ClusterRole":
                    clusterRoles ??= ByName(source.ClusterRoles());
                    role = clusterRoles.GetValueOrDefault(roleName);
                    if (role is null)
                    {
                        errors.Add($"clusterrole.rbac.authorization.k8s.io \"{roleName}\" not found");
                        return true;
                    }
                    break;
                case "Role":
                    // A ClusterRoleBinding cannot reach a Role: there is no namespace to look it up in.
                    roles ??= bindingNamespace.Length > 0 ? ByName(source.Roles(bindingNamespace)) : [];
                    role = roles.GetValueOrDefault(roleName);
                    if (role is null)
                    {
                        errors.Add($"role.rbac.authorization.k8s.io \"{roleName}\" not found");
                        return true;
                    }
                    break;
                default:
                    errors.Add($"unsupported role reference kind: \"{roleKind}\"");
                    return true;
            }

            var from = new RuleSource(
                binding.Obj("metadata").Text("name"), bindingNamespace, roleKind, roleName,
                subject.Text("kind"), subject.Text("name"), subject.Text("namespace"));
            foreach (var rule in ParsedRules.GetValue(role, PolicyRule.FromRole))
            {
                if (!visitor(from, rule))
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>The first subject of the binding that names the user, one of its groups, or its ServiceAccount.</summary>
    private static JsonObject? FindSubject(UserInfo user, JsonObject binding, string bindingNamespace)
    {
        foreach (var subject in binding.Objects("subjects"))
        {
            var name = subject.Text("name");
            var applies = subject.Text("kind") switch
            {
                "User" => user.Name == name,
                "Group" => user.IsInGroup(name),
                // A ServiceAccount subject without a namespace means the binding's own namespace.
                "ServiceAccount" => subject.Text("namespace") is var ns &&
                    (ns.Length > 0 ? ns : bindingNamespace) is { Length: > 0 } saNamespace &&
                    ServiceAccountUser.Matches(saNamespace, name, user.Name),
                _ => false,
            };
            if (applies)
            {
                return subject;
            }
        }
        return null;
    }

    private static Dictionary<string, JsonObject> ByName(IEnumerable<JsonObject> objects)
    {
        var byName = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            byName.TryAdd(obj.Obj("metadata").Text("name"), obj);
        }
        return byName;
    }

    /// <summary>Joins errors like Go's aggregate error: one as is, several as <c>[a, b]</c>, duplicates once.</summary>
    private static string Aggregate(List<string> errors)
    {
        var distinct = errors.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : $"[{string.Join(", ", distinct)}]";
    }
}
