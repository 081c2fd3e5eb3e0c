using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authorization;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Authentication;

/// <summary>
/// Serves <c>POST /api/v1/namespaces/{ns}/serviceaccounts/{name}/token</c> (what <c>kubectl create token</c> calls):
/// validates an authentication.k8s.io/v1 TokenRequest and answers it with a signed token.
/// </summary>
internal sealed class TokenRequestHandler(TokenAuthenticator authenticator, IObjectLookup objects, TimeProvider time)
{
    private const string QualifiedKind = "TokenRequest.authentication.k8s.io";
    private const long DefaultExpirationSeconds = 3600;
    private const long MinExpirationSeconds = 600;
    private const long MaxExpirationSeconds = uint.MaxValue;

    /// <exception cref="ApiException">
    /// 404 when the ServiceAccount or bound object is missing, 422 for an invalid request, 400 for an unsupported
    /// binding, 409 when the bound object's UID does not match.
    /// </exception>
    public JsonObject Create(string @namespace, string serviceAccountName, JsonObject request)
    {
        var metadata = request.Obj("metadata");
        if (metadata.Text("name") is { Length: > 0 } requestName && requestName != serviceAccountName)
        {
            throw Invalid(serviceAccountName, "metadata.name", $"\"{requestName}\"", "must match the service account name if specified");
        }
        if (metadata.Text("namespace") is { Length: > 0 } requestNamespace && requestNamespace != @namespace)
        {
            throw Invalid(serviceAccountName, "metadata.namespace", $"\"{requestNamespace}\"", "must match the service account namespace if specified");
        }
        var serviceAccount = objects.Find("serviceaccounts", @namespace, serviceAccountName)
            ?? throw NotFound("serviceaccounts", serviceAccountName);

        var spec = request.Obj("spec");
        var audiences = spec.Strings("audiences");
        if (audiences.Count == 0)
        {
            audiences = authenticator.ApiAudiences;
        }
        var expirationSeconds = ExpirationSeconds(spec);
        if (expirationSeconds < MinExpirationSeconds)
        {
            throw Invalid(serviceAccountName, "spec.expirationSeconds", $"{expirationSeconds}", "may not specify a duration less than 10 minutes");
        }
        if (expirationSeconds > MaxExpirationSeconds)
        {
            throw Invalid(serviceAccountName, "spec.expirationSeconds", $"{expirationSeconds}", "may not specify a duration larger than 2^32 seconds");
        }

        var boundObjectRef = spec.Obj("boundObjectRef");
        var binding = boundObjectRef is null ? new TokenBinding() : Bind(@namespace, serviceAccountName, boundObjectRef);

        var now = time.GetUtcNow();
        var saUid = serviceAccount.Obj("metadata").Text("uid");
        var token = authenticator.Issue(@namespace, serviceAccountName, saUid, audiences, expirationSeconds, now, binding);

        return new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = serviceAccountName,
                ["namespace"] = @namespace,
                ["creationTimestamp"] = SelfSubjectReviewHandler.Rfc3339(now),
            },
            ["spec"] = new JsonObject
            {
                ["audiences"] = new JsonArray([.. audiences.Select(v => (JsonNode?)v)]),
                ["expirationSeconds"] = expirationSeconds,
                ["boundObjectRef"] = boundObjectRef?.DeepClone(),
            },
            ["status"] = new JsonObject
            {
                ["token"] = token,
                ["expirationTimestamp"] = SelfSubjectReviewHandler.Rfc3339(now.AddSeconds(expirationSeconds)),
            },
        };
    }

    private static long ExpirationSeconds(JsonObject? spec)
    {
        if (spec?["expirationSeconds"] is null)
        {
            return DefaultExpirationSeconds;
        }
        return spec.Long("expirationSeconds")
            ?? throw ApiException.BadRequest(
                "TokenRequest in version \"v1\" cannot be handled as a TokenRequest: spec.expirationSeconds must be an integer number of seconds");
    }

    private TokenBinding Bind(string @namespace, string serviceAccountName, JsonObject reference)
    {
        var kind = reference.Text("kind");
        var apiVersion = reference.Text("apiVersion");
        var name = reference.Text("name");
        var expectedUid = reference.Text("uid");
        if (apiVersion != "v1" || kind is not ("Pod" or "Secret" or "Node"))
        {
            var (group, version) = apiVersion.Contains('/') ? (apiVersion[..apiVersion.IndexOf('/')], apiVersion[(apiVersion.IndexOf('/') + 1)..]) : ("", apiVersion);
            throw ApiException.BadRequest($"cannot bind token to object of type {group}/{version}, Kind={kind}");
        }

        var resource = kind.ToLowerInvariant() + "s";
        var target = objects.Find(resource, kind == "Node" ? null : @namespace, name) ?? throw NotFound(resource, name);
        var bound = new BoundObject(name, Uid(target));
        if (expectedUid.Length > 0 && expectedUid != bound.Uid)
        {
            throw new ApiException(409, "Conflict",
                $"Operation cannot be fulfilled on {kind} \"{name}\": the UID in the bound object reference ({expectedUid}) does not match the UID in record. The object might have been deleted and then recreated",
                new JsonObject { ["name"] = name, ["kind"] = kind });
        }

        switch (kind)
        {
            case "Pod":
                var podSpec = target.Obj("spec");
                var podServiceAccount = podSpec.Text("serviceAccountName");
                if (podServiceAccount != serviceAccountName)
                {
                    throw ApiException.BadRequest(
                        $"cannot bind token for serviceaccount \"{serviceAccountName}\" to pod running with different serviceaccount name.");
                }
                // The node is informational: a pod whose node is gone still gets a token, without node claims.
                var nodeName = podSpec.Text("nodeName");
                var node = nodeName.Length > 0 && objects.Find("nodes", null, nodeName) is { } nodeObject
                    ? new BoundObject(nodeName, Uid(nodeObject))
                    : null;
                return new TokenBinding(Pod: bound, Node: node);
            case "Secret":
                return new TokenBinding(Secret: bound);
            default:
                return new TokenBinding(Node: bound);
        }
    }

    private static string Uid(JsonObject obj) => obj.Obj("metadata").Text("uid");

    private static ApiException NotFound(string resource, string name) =>
        new(404, "NotFound", $"{resource} \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = resource });

    private static ApiException Invalid(string name, string field, string value, string why) =>
        ApiException.Invalid(QualifiedKind, name,
            [new FieldError("FieldValueInvalid", field, $"Invalid value: {value}: {why}")], "authentication.k8s.io");
}
