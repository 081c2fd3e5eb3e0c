namespace KubeMcp.Agent.Transcripts;

/// <summary>What became of one tool call.</summary>
public enum ToolCallOutcome
{
    /// <summary>The tool ran and succeeded.</summary>
    Succeeded,

    /// <summary>The tool ran and reported an error.</summary>
    Failed,

    /// <summary>Not run: the arguments did not match the tool's schema.</summary>
    Invalid,

    /// <summary>Not run: no tool has that name.</summary>
    UnknownTool,

    /// <summary>Not run: approval was refused.</summary>
    Refused,

    /// <summary>Not run: the same call was made too often; the loop stopped.</summary>
    Repeated,

    /// <summary>The tool did not answer in time.</summary>
    TimedOut,

    /// <summary>The call could not be delivered (transport failure, retries exhausted).</summary>
    TransportError,
}
