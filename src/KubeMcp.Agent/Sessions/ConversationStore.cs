using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Sessions;

/// <summary>
/// Saves conversations as JSON files (one per session id) under a directory, so <c>--session ID</c> resumes after a
/// restart. Writes go to a temporary file first and replace the old one, so a crash never leaves half a session.
/// </summary>
public sealed partial class ConversationStore
{
    private const int FormatVersion = 1;
    private readonly string _directory;

    /// <summary>Creates a store over <paramref name="directory"/> (created on first save).</summary>
    public ConversationStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    /// <summary>
    /// The default directory: <c>$XDG_STATE_HOME/kubemcp/sessions</c>, else <c>~/.local/state/kubemcp/sessions</c>.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            if (string.IsNullOrEmpty(state))
            {
                state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
            }

            return Path.Combine(state, "kubemcp", "sessions");
        }
    }

    /// <summary>Loads a session, or returns a new empty conversation with that id when none is saved.</summary>
    /// <exception cref="ArgumentException">The id is not a safe file name.</exception>
    /// <exception cref="InvalidDataException">The file exists but cannot be read as a session.</exception>
    public async Task<AgentConversation> LoadOrCreateAsync(string id, CancellationToken cancellationToken = default)
    {
        var path = PathFor(id);
        var conversation = new AgentConversation(id);
        if (!File.Exists(path))
        {
            return conversation;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var root = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var messages = root?["messages"]?.Deserialize(AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(List<ChatMessage>))) as List<ChatMessage>;
            conversation.Messages.AddRange(messages ?? []);
            return conversation;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The saved session '{id}' at {path} is not valid JSON ({ex.Message}). Delete the file or pick another session id.", ex);
        }
    }

    /// <summary>Saves a conversation under its id.</summary>
    public async Task SaveAsync(AgentConversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var id = conversation.Id ?? throw new ArgumentException("Only a conversation with an id can be saved.", nameof(conversation));
        var path = PathFor(id);
        Directory.CreateDirectory(_directory);
        var document = new JsonObject
        {
            ["version"] = FormatVersion,
            ["id"] = id,
            ["messages"] = JsonSerializer.SerializeToNode(conversation.Messages, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(List<ChatMessage>))),
        };
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, document.ToJsonString(), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Ids of the saved sessions.</summary>
    public IEnumerable<string> List() =>
        Directory.Exists(_directory)
            ? Directory.EnumerateFiles(_directory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)
            : [];

    private string PathFor(string id)
    {
        if (!SafeId().IsMatch(id))
        {
            throw new ArgumentException(
                $"The session id '{id}' is not allowed: use 1-64 letters, digits, '.', '_' or '-', not starting with '.'.", nameof(id));
        }

        return Path.Combine(_directory, id + ".json");
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex SafeId();
}
