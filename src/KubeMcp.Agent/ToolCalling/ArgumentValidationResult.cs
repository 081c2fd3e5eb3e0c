using System.Text;
using System.Text.Json.Nodes;

namespace KubeMcp.Agent.ToolCalling;

/// <summary>The outcome of <see cref="ToolArgumentValidator.Validate"/>.</summary>
/// <param name="Arguments">
/// The arguments to send: the model's, with harmless slips fixed (a number written as a string, <c>null</c> for an
/// optional parameter). Only meaningful when <see cref="IsValid"/>.
/// </param>
/// <param name="Errors">Every problem found; empty when the arguments are valid.</param>
public sealed record ArgumentValidationResult(JsonObject Arguments, IReadOnlyList<ArgumentError> Errors)
{
    /// <summary>True when the call may be run.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The errors as a tool result the model can act on (which argument, why, what the schema wants).</summary>
    public string FormatForModel(string toolName)
    {
        var sb = new StringBuilder($"The arguments for '{toolName}' are invalid, so the call was not run. Fix these and call it again:\n");
        foreach (var error in Errors)
        {
            sb.Append("- '").Append(error.Argument).Append("': ").Append(error.Problem);
            if (error.Schema is not null)
            {
                sb.Append(" Schema: ").Append(error.Schema);
            }

            sb.Append('\n');
        }

        return sb.ToString().TrimEnd();
    }
}
