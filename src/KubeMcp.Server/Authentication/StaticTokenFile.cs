using System.Security.Cryptography;
using System.Text;

namespace KubeMcp.Server.Authentication;

/// <summary>
/// Bearer tokens from a CSV file in the Kubernetes static token format: <c>token,user,uid,"group1,group2"</c>.
/// Only SHA-256 digests of the tokens are kept in memory, and lookups compare digests, not tokens.
/// </summary>
internal sealed class StaticTokenFile : ITokenAuthenticator
{
    private readonly Dictionary<string, CallerIdentity> _byDigest;

    private StaticTokenFile(Dictionary<string, CallerIdentity> byDigest) => _byDigest = byDigest;

    public int Count => _byDigest.Count;

    public static StaticTokenFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenFileException($"cannot read the token file {path}: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses the file; errors name the line (never the token).</summary>
    public static StaticTokenFile Parse(string text, string source = "the token file")
    {
        var byDigest = new Dictionary<string, CallerIdentity>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = SplitCsv(line, source, lineNumber);
            if (fields.Count < 2 || fields[0].Length == 0 || fields[1].Length == 0)
            {
                throw new TokenFileException($"{source} line {lineNumber}: expected token,user[,uid[,\"group1,group2\"]]");
            }
            if (fields[0].Length < 16)
            {
                throw new TokenFileException($"{source} line {lineNumber}: the token is shorter than 16 characters; use a long random token");
            }
            if (fields[0].Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new TokenFileException($"{source} line {lineNumber}: the token contains whitespace or control characters");
            }
            var groups = fields.Count > 3
                ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
                : [];
            if (!byDigest.TryAdd(Digest(fields[0]), new CallerIdentity(fields[1], groups, true)))
            {
                throw new TokenFileException($"{source} line {lineNumber}: the same token appears twice");
            }
        }
        if (byDigest.Count == 0)
        {
            throw new TokenFileException($"{source} has no tokens; add lines of the form token,user[,uid[,\"group1,group2\"]]");
        }
        return new StaticTokenFile(byDigest);
    }

    public Task<CallerIdentity?> AuthenticateAsync(string token, CancellationToken ct) =>
        Task.FromResult(_byDigest.TryGetValue(Digest(token), out var identity) ? identity : null);

    internal static string Digest(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static List<string> SplitCsv(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
        {
            throw new TokenFileException($"{source} line {lineNumber}: a quoted field is not closed");
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }
}
