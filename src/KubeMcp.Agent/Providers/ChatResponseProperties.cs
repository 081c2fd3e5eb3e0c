namespace KubeMcp.Agent.Providers;

/// <summary>
/// Keys KubeMcp's chat clients put into <c>ChatResponse.AdditionalProperties</c> /
/// <c>ChatMessage.AdditionalProperties</c> to tell the loop what the standard types cannot express.
/// </summary>
public static class ChatResponseProperties
{
    /// <summary><c>true</c> when the token counts in <c>Usage</c> are estimates, not the server's numbers.</summary>
    public const string UsageEstimated = "kubemcp.usage_estimated";

    /// <summary>A <c>string[]</c> of tool-call blocks in the reply text that could not be parsed.</summary>
    public const string ToolCallErrors = "kubemcp.tool_call_errors";

    /// <summary><c>true</c> when the back-end declares it cannot do the task (the answer explains why).</summary>
    public const string GaveUp = "kubemcp.gave_up";

    /// <summary>On a <c>FunctionResultContent</c>: <c>true</c> when the loop gave the model an error for that call.</summary>
    public const string ToolResultIsError = "kubemcp.is_error";
}
