using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Sessions;

/// <summary>
/// A conversation that outlives one task: the messages of every task so far (without the system prompt, which is
/// rebuilt from the current catalog each run). Pass the same instance to successive runs for chat memory; save it
/// with <see cref="ConversationStore"/> to survive a restart.
/// </summary>
public sealed class AgentConversation
{
    /// <summary>Creates an empty conversation.</summary>
    public AgentConversation(string? id = null)
    {
        Id = id;
    }

    /// <summary>The session id, when the conversation is stored.</summary>
    public string? Id { get; }

    /// <summary>The messages, oldest first.</summary>
    public List<ChatMessage> Messages { get; } = [];
}
