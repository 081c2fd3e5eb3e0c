using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Authorization;

/// <summary>
/// Serves the authorization.k8s.io/v1 reviews: "may this user do this?" (SelfSubjectAccessReview for the requester,
/// which <c>kubectl auth can-i</c> creates; SubjectAccessReview and LocalSubjectAccessReview for anyone) and
/// "what may I do here?" (SelfSubjectRulesReview, behind <c>kubectl auth can-i --list</c>). Nothing is stored.
/// </summary>
internal sealed class AccessReviewHandler(RbacAuthorizer authorizer)
{
    private const string Group = "authorization.k8s.io";

    public JsonObject SelfSubjectAccessReview(JsonObject request, UserInfo requester)
    {
        const string kind = "SelfSubjectAccessReview";
        var spec = request.Obj("spec");
        var causes = ValidateAttributes(spec);
        causes.AddRange(ValidateEmptyMetadata(request, allowNamespace: false));
        ThrowIfInvalid(kind, causes);
        return Respond(kind, request, Decide(spec!, requester));
    }

    public JsonObject SubjectAccessReview(JsonObject request)
    {
        const string kind = "SubjectAccessReview";
        var spec = request.Obj("spec");
        var causes = ValidateSubjectSpec(spec);
        causes.AddRange(ValidateEmptyMetadata(request, allowNamespace: false));
        ThrowIfInvalid(kind, causes);
        return Respond(kind, request, Decide(spec!, SubjectOf(spec!)));
    }

    /// <param name="namespace">The namespace of the request URL.</param>
    /// <param name="request">The review; its metadata.namespace defaults to the URL's.</param>
    public JsonObject LocalSubjectAccessReview(string @namespace, JsonObject request)
    {
        const string kind = "LocalSubjectAccessReview";
        if (@namespace.Length == 0)
        {
            throw ApiException.BadRequest("namespace is required on this type: ");
        }
        var metadataNamespace = request.Obj("metadata").Text("namespace");
        if (metadataNamespace.Length > 0 && metadataNamespace != @namespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        var spec = request.Obj("spec");
        var causes = ValidateSubjectSpec(spec);
        causes.AddRange(ValidateEmptyMetadata(request, allowNamespace: true));
        if (spec.Obj("resourceAttributes") is { } attributes &&
            attributes.Text("namespace") is var attributesNamespace && attributesNamespace != @namespace)
        {
            causes.Add(InvalidField("spec.resourceAttributes.namespace", $"\"{attributesNamespace}\"", "must match metadata.namespace"));
        }
        if (spec?["nonResourceAttributes"] is JsonObject nonResource)
        {
            causes.Add(InvalidField("spec.nonResourceAttributes", nonResource.ToJsonString(), "disallowed on this kind of request"));
        }
        ThrowIfInvalid(kind, causes);

        var response = Respond(kind, request, Decide(spec!, SubjectOf(spec!)));
        ((JsonObject)response["metadata"]!)["namespace"] = @namespace;
        return response;
    }

    public JsonObject SelfSubjectRulesReview(JsonObject request, UserInfo requester)
    {
        var @namespace = request.Obj("spec").Text("namespace");
        if (@namespace.Length == 0)
        {
            throw ApiException.BadRequest("no namespace on request");
        }
        var (rules, evaluationError) = authorizer.RulesFor(requester, @namespace);

        var resourceRules = new JsonArray();
        var nonResourceRules = new JsonArray();
        foreach (var rule in rules)
        {
            if (rule.Resources.Count > 0)
            {
                resourceRules.Add(new PolicyRule(rule.Verbs, rule.ApiGroups, rule.Resources, rule.ResourceNames, []).ToJson());
            }
            if (rule.NonResourceUrls.Count > 0)
            {
                nonResourceRules.Add(new PolicyRule(rule.Verbs, [], [], [], rule.NonResourceUrls).ToJson());
            }
        }
        var status = new JsonObject
        {
            ["resourceRules"] = resourceRules,
            ["nonResourceRules"] = nonResourceRules,
            ["incomplete"] = false,
        };
        if (evaluationError is not null)
        {
            status["evaluationError"] = evaluationError;
        }
        var response = Respond("SelfSubjectRulesReview", request, status: status);
        return response;
    }

    private AuthorizationDecision Decide(JsonObject spec, UserInfo user)
    {
        if (spec.Obj("resourceAttributes") is { } resource)
        {
            return authorizer.Authorize(new RequestAttributes
            {
                User = user,
                Verb = resource.Text("verb"),
                IsResourceRequest = true,
                ApiGroup = resource.Text("group"),
                // An empty version means any version, which RBAC never looks at anyway.
                ApiVersion = resource.Text("version") is { Length: > 0 } v ? v : "*",
                Resource = resource.Text("resource"),
                Subresource = resource.Text("subresource"),
                Namespace = resource.Text("namespace"),
                Name = resource.Text("name"),
            });
        }
        var nonResource = spec.Obj("nonResourceAttributes");
        return authorizer.Authorize(RequestAttributes.ForPath(user,
            nonResource.Text("verb"), nonResource.Text("path")));
    }

    /// <summary>The user a SubjectAccessReview asks about: exactly as given (no virtual groups are added).</summary>
    private static UserInfo SubjectOf(JsonObject spec)
    {
        var extra = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (spec.Obj("extra") is { } extraJson)
        {
            foreach (var (key, _) in extraJson)
            {
                extra[key] = extraJson.Strings(key);
            }
        }
        return UserInfo.Create(spec.Text("user"), spec.Text("uid"),
            spec.Strings("groups"), extra);
    }

    private static JsonObject Respond(string kind, JsonObject request, AuthorizationDecision? decision = null, JsonObject? status = null)
    {
        if (decision is not null)
        {
            status = new JsonObject { ["allowed"] = decision.Allowed };
            if (decision.Reason.Length > 0)
            {
                status["reason"] = decision.Reason;
            }
        }
        var response = (JsonObject)request.DeepClone();
        response["apiVersion"] = $"{Group}/v1";
        response["kind"] = kind;
        response["metadata"] = request.Obj("metadata")?.DeepClone() ?? new JsonObject { ["creationTimestamp"] = null };
        response["status"] = status;
        return response;
    }

    private static List<FieldError> ValidateSubjectSpec(JsonObject? spec)
    {
        var causes = ValidateAttributes(spec);
        if (spec.Text("user").Length == 0 && spec.Strings("groups").Count == 0)
        {
            causes.Add(InvalidField("spec.user", "\"\"", "at least one of user or group must be specified"));
        }
        return causes;
    }

    private static List<FieldError> ValidateAttributes(JsonObject? spec)
    {
        var causes = new List<FieldError>();
        var resource = spec?["resourceAttributes"] as JsonObject;
        var nonResource = spec?["nonResourceAttributes"] as JsonObject;
        if (resource is not null && nonResource is not null)
        {
            causes.Add(InvalidField("spec.nonResourceAttributes", nonResource.ToJsonString(), "cannot be specified in combination with resourceAttributes"));
        }
        if (resource is null && nonResource is null)
        {
            causes.Add(InvalidField("spec.resourceAttributes", "null", "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
        }
        return causes;
    }

    private static IEnumerable<FieldError> ValidateEmptyMetadata(JsonObject request, bool allowNamespace)
    {
        var metadata = request.Obj("metadata");
        var filled = metadata?.Where(p => p.Value is not null && p.Key != "managedFields" &&
            !(p.Key == "creationTimestamp" && p.Value is JsonValue) && !(allowNamespace && p.Key == "namespace") &&
            !(p.Value is JsonObject { Count: 0 } or JsonArray { Count: 0 }) &&
            !(p.Value is JsonValue v && v.ToJsonString() is "\"\"" or "0"));
        if (filled?.Any() == true)
        {
            yield return InvalidField("metadata", metadata!.ToJsonString(),
                allowNamespace ? "must be empty except for namespace" : "must be empty");
        }
    }

    private static FieldError InvalidField(string field, string value, string why) =>
        new("FieldValueInvalid", field, $"Invalid value: {value}: {why}");

    private static void ThrowIfInvalid(string kind, List<FieldError> causes)
    {
        if (causes.Count > 0)
        {
            throw ApiException.Invalid($"{kind}.{Group}", "", causes, Group);
        }
    }
}
