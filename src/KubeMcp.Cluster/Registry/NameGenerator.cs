using System.Security.Cryptography;

namespace KubeMcp.Cluster.Registry;

/// <summary>
/// The random suffix appended to metadata.generateName, from the API server's alphabet: no vowels, so it spells no
/// words, and no 0, 1 or 3, which read like letters.
/// </summary>
internal static class NameGenerator
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string RandomSuffix()
    {
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }
}
