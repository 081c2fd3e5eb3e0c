using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Http;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Nodes;

/// <summary>The query of <c>pods/{name}/exec</c> (core/v1 PodExecOptions): the command and which streams to attach.</summary>
internal sealed record PodExecOptions(IReadOnlyList<string> Command, string? Container, bool Stdin, bool Stdout, bool Stderr, bool Tty)
{
    public static PodExecOptions Parse(IQueryCollection query)
    {
        var command = query["command"].Select(c => c ?? "").ToList();
        var options = new PodExecOptions(
            command,
            string.IsNullOrEmpty(query["container"]) ? null : query["container"].ToString(),
            QueryOptions.Bool(query, "stdin"),
            QueryOptions.Bool(query, "stdout"),
            QueryOptions.Bool(query, "stderr"),
            QueryOptions.Bool(query, "tty"));
        if (command.Count == 0)
        {
            throw ApiException.BadRequest("you must specify at least one command for the container");
        }
        if (!options.Stdin && !options.Stdout && !options.Stderr)
        {
            throw ApiException.BadRequest("you must specify at least one of stdin, stdout, stderr");
        }
        if (options.Tty && options.Stderr)
        {
            // As the API server does: a terminal merges stderr into stdout.
            options = options with { Stderr = false };
        }
        return options;
    }
}
