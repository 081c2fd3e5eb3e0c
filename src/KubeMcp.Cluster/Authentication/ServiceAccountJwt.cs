using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authorization;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Authentication;

/// <summary>
/// Encodes and verifies ServiceAccount JWTs. Real clusters sign with RS256 and a key pair; the simulated cluster signs
/// with HS256 and a per-cluster secret, which keeps the token format (three base64url segments, the same claims)
/// while needing no key management.
/// </summary>
internal sealed class ServiceAccountJwt(byte[] key)
{
    private const string Algorithm = "HS256";

    private readonly byte[] _key = key.Length > 0
        ? (byte[])key.Clone()
        : throw new ArgumentException("The token signing key must not be empty.", nameof(key));

    private readonly string _keyId = Base64Url.EncodeToString(
        HMACSHA256.HashData(key, "kubemcp service account key id"u8)[..16]);

    public string Encode(ServiceAccountClaims claims)
    {
        var header = new JsonObject { ["alg"] = Algorithm, ["kid"] = _keyId };
        var kubernetes = new JsonObject { ["namespace"] = claims.Namespace };
        if (claims.Binding.Node is { } node)
        {
            kubernetes["node"] = Reference(node);
        }
        if (claims.Binding.Pod is { } pod)
        {
            kubernetes["pod"] = Reference(pod);
        }
        if (claims.Binding.Secret is { } secret)
        {
            kubernetes["secret"] = Reference(secret);
        }
        kubernetes["serviceaccount"] = Reference(claims.ServiceAccount);

        // Keys in the order kube-apiserver writes them (alphabetical: go-jose merges the claims through a map).
        var payload = new JsonObject
        {
            ["aud"] = new JsonArray([.. claims.Audiences.Select(v => (JsonNode?)v)]),
            ["exp"] = claims.Expiry,
            ["iat"] = claims.IssuedAt,
            ["iss"] = claims.Issuer,
            ["jti"] = claims.Id,
            ["kubernetes.io"] = kubernetes,
            ["nbf"] = claims.NotBefore,
            ["sub"] = claims.Subject,
        };
        var signingInput = $"{Segment(header)}.{Segment(payload)}";
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>
    /// Reads the issuer without checking the signature, as kube-apiserver does to decide whether a token is a
    /// ServiceAccount token at all; null when the string is not a JWT with a readable payload.
    /// </summary>
    public static string? PeekIssuer(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 3 && DecodeObject(parts[1]) is { } payload ? payload.Text("iss") : null;
    }

    /// <summary>
    /// Verifies the signature and returns the payload, or an error phrased like kube-apiserver's JOSE library.
    /// </summary>
    public bool TryVerify(string token, out JsonObject? payload, out string? error)
    {
        payload = null;
        error = null;
        var parts = token.Split('.');
        if (parts.Length != 3 || DecodeObject(parts[0]) is not { } header || DecodeObject(parts[1]) is not { } body)
        {
            error = "go-jose/go-jose: compact JWS format must have three parts";
            return false;
        }
        if (header.Text("alg") != Algorithm)
        {
            error = "go-jose/go-jose: unexpected signature algorithm in JWS header; expected HS256";
            return false;
        }
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (!TryDecode(parts[2], out var actual) || !CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            error = "go-jose/go-jose: error in cryptographic primitive";
            return false;
        }
        payload = body;
        return true;
    }

    private static JsonObject Reference(BoundObject reference) =>
        new() { ["name"] = reference.Name, ["uid"] = reference.Uid };

    private static string Segment(JsonObject json) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static JsonObject? DecodeObject(string segment)
    {
        if (!TryDecode(segment, out var bytes))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryDecode(string segment, out byte[] bytes)
    {
        bytes = [];
        // Stricter than Base64Url.IsValid, which tolerates whitespace and padding a compact JWS may not contain.
        if (segment.Length == 0 || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ||
            !Base64Url.IsValid(segment))
        {
            return false;
        }
        bytes = Base64Url.DecodeFromChars(segment);
        return true;
    }
}
