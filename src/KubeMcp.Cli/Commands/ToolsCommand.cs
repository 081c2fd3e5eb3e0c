using System.CommandLine;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using KubeMcp.Agent.Mcp;
using KubeMcp.Cli.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Cli.Commands;

/// <summary><c>kubemcp tools list|describe|call</c>: discover and call the tools of any MCP server.</summary>
internal static class ToolsCommand
{
    /// <summary>Environment variable read when --token is not given (keeps the token out of shell history and ps).</summary>
    public const string TokenVariable = "KUBEMCP_TOKEN";

    private static readonly JsonSerializerOptions IndentedJson = new(McpJsonUtilities.DefaultOptions)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var o = new ToolsCommandOptions();
        return new Command("tools", "Discover and call the tools of an MCP server (ours, or any other).")
        {
            o.Url, o.Stdio, o.Header, o.Token, o.TimeoutOption, o.ProtocolVersion, o.Json, o.Verbose,
            CreateList(o), CreateDescribe(o), CreateCall(o),
        };
    }

    private static Command CreateList(ToolsCommandOptions o)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Also write the catalog (server, protocol version, tools with full schemas) to this JSON file." };
        var command = new Command("list", "List the server's tools: name, access, required parameters, description.") { output };
        command.SetAction((result, ct) => RunAsync(o, result, async (connection, stdout, stderr) =>
        {
            var catalog = await DiscoverAsync(connection, ct);
            if (result.GetValue(output) is { } path)
            {
                await WriteFileAsync(path, catalog.ToJson(), ct);
                stderr.WriteLine($"Wrote the catalog of {catalog.Tools.Count} tools to {path}.");
            }

            if (result.GetValue(o.Json))
            {
                stdout.Write(catalog.ToJson());
            }
            else
            {
                ToolCatalogRenderer.WriteList(ToolsConsole.Create(stdout), catalog);
            }

            return ToolsExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command CreateDescribe(ToolsCommandOptions o)
    {
        var name = new Argument<string>("NAME") { Description = "The tool's name." };
        var command = new Command("describe", "Show one tool: description, hints and parameters with types, required marks and allowed values.") { name };
        command.SetAction((result, ct) => RunAsync(o, result, async (connection, stdout, _) =>
        {
            var catalog = await DiscoverAsync(connection, ct);
            var descriptor = ToolLookup.Find(catalog.Descriptors(), result.GetValue(name)!, catalog.Server.Name);
            var tool = catalog.Tools.Single(t => t.Name == descriptor.Name);
            if (result.GetValue(o.Json))
            {
                stdout.WriteLine(tool.ToJsonObject().ToJsonString(IndentedJson));
            }
            else
            {
                ToolCatalogRenderer.WriteDescription(ToolsConsole.Create(stdout), tool);
            }

            return ToolsExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command CreateCall(ToolsCommandOptions o)
    {
        var name = new Argument<string>("NAME") { Description = "The tool's name." };
        var arg = new Option<string[]>("--arg", "-a")
        {
            Description = "An argument as key=value, converted by the tool's schema (repeat a key for array items; JSON for objects and arrays).",
            HelpName = "KEY=VALUE",
        };
        var argsJson = new Option<string?>("--args-json") { Description = "Arguments as one JSON object.", HelpName = "JSON" };
        var argsFile = new Option<string?>("--args-file") { Description = "Arguments from a JSON file ('-' reads stdin).", HelpName = "FILE" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the result to this file instead of stdout." };
        var command = new Command("call", "Call a tool. Arguments are checked against its input schema before anything is sent; exits 1 when the tool reports an error.")
        {
            name, arg, argsJson, argsFile, output,
        };
        command.SetAction(async (result, ct) =>
        {
            string? fileJson;
            try
            {
                fileJson = await ReadArgsFileAsync(result.GetValue(argsFile), ct);
            }
            catch (ToolsUsageException ex)
            {
                return ToolsErrorReporter.Report(ex, result.InvocationConfiguration.Error, result.GetValue(o.Verbose));
            }

            return await RunAsync(o, result, async (connection, stdout, stderr) =>
            {
                var tools = (await DiscoverAsync(connection, ct)).Descriptors();
                var tool = ToolLookup.Find(tools, result.GetValue(name)!, connection.ServerName);
                var arguments = ToolArgumentBinder.Bind(tool, result.GetValue(arg) ?? [], result.GetValue(argsJson), fileJson);
                var started = Stopwatch.GetTimestamp();
                var callResult = await connection.CallToolAsync(tool.Name, arguments, ct);
                if (result.GetValue(o.Verbose))
                {
                    stderr.WriteLine($"· {tool.Name} answered in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms{(callResult.IsError == true ? " with isError" : "")}.");
                }

                var text = result.GetValue(o.Json)
                    ? JsonSerializer.Serialize(callResult, IndentedJson) + "\n"
                    : WithNewline(ToolResultText.Render(callResult));
                if (result.GetValue(output) is { } path)
                {
                    await WriteFileAsync(path, text, ct);
                    stderr.WriteLine($"Wrote the result of {tool.Name} to {path}.");
                }
                else
                {
                    (callResult.IsError == true && !result.GetValue(o.Json) ? stderr : stdout).Write(text);
                }

                return callResult.IsError == true ? ToolsExitCodes.ToolError : ToolsExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ToolsCommandOptions o, ParseResult result, Func<McpConnection, TextWriter, TextWriter, Task<int>> body, CancellationToken ct)
    {
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var verbose = result.GetValue(o.Verbose);
        try
        {
            var options = ConnectionOptions(o, result, verbose ? line => stderr.WriteLine("· " + line) : null);
            var started = Stopwatch.GetTimestamp();
            await using var connection = await McpConnection.ConnectAsync(options, ct);
            if (verbose)
            {
                stderr.WriteLine($"· Initialized in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms.");
            }

            return await body(connection, stdout, stderr);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stderr.WriteLine("Interrupted.");
            return ToolsExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            return ToolsErrorReporter.Report(ex, stderr, verbose);
        }
    }

    private static McpConnectionOptions ConnectionOptions(ToolsCommandOptions o, ParseResult result, Action<string>? trace)
    {
        var stdio = result.GetValue(o.Stdio);
        var url = result.GetResult(o.Url) is { Implicit: false } ? result.GetValue(o.Url) : null;
        if (stdio is not null && url is not null)
        {
            throw new ToolsUsageException("Give either --url or --stdio, not both.");
        }

        if (stdio is not null && string.IsNullOrWhiteSpace(stdio))
        {
            throw new ToolsUsageException("--stdio needs the server's command line, e.g. --stdio \"kubemcp serve --stdio\".");
        }

        if (stdio is not null)
        {
            try
            {
                CommandLineSplitter.Split(stdio);
            }
            catch (FormatException ex)
            {
                throw new ToolsUsageException($"--stdio: {ex.Message}", ex);
            }
        }

        var version = result.GetValue(o.ProtocolVersion);
        if (version is not null && !System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d{4}-\d{2}-\d{2}$"))
        {
            throw new ToolsUsageException($"--protocol-version '{version}' is not an MCP protocol version (a date such as {McpConnection.SupportedProtocolVersions[0]}).");
        }

        return new McpConnectionOptions
        {
            Url = ClientOptionParser.ParseUrl(url ?? result.GetValue(o.Url)!),
            StdioCommand = stdio,
            Headers = ClientOptionParser.ParseHeaders(result.GetValue(o.Header) ?? []),
            BearerToken = result.GetValue(o.Token) ?? Environment.GetEnvironmentVariable(TokenVariable),
            Timeout = ClientOptionParser.ParseTimeout(result.GetValue(o.TimeoutOption)!),
            ProtocolVersion = version,
            Trace = trace,
        };
    }

    private static async Task<ToolCatalog> DiscoverAsync(McpConnection connection, CancellationToken ct)
    {
        var tools = await connection.ListToolsAsync(ct);
        connection.Options.Trace?.Invoke($"The server lists {tools.Count} tools.");
        return ToolCatalog.Create(connection, tools, DateTimeOffset.UtcNow);
    }

    private static async Task<string?> ReadArgsFileAsync(string? path, CancellationToken ct)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolsUsageException($"Cannot read --args-file {path}: {ex.Message}", ex);
        }
    }

    private static async Task WriteFileAsync(string path, string text, CancellationToken ct)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            await File.WriteAllTextAsync(path, text, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolsUsageException($"Cannot write {path}: {ex.Message}", ex);
        }
    }

    private static string WithNewline(string text) => text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
}
