using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeMcp.Cli.Evaluation.Scripted;

/// <summary>
/// A scripted model server on 127.0.0.1:0 that speaks Triton's KServe v2 generate protocol and OpenAI's chat
/// completions. It replays queued replies in order (including malformed ones and errors), records every request,
/// and answers the discovery endpoints (<c>/v2/health/ready</c>, <c>/v2/repository/index</c>, <c>/v1/models</c>).
/// Tests script it reply by reply; <c>kubemcp eval</c> feeds it a task's recorded replies (<see cref="ModelScript"/>),
/// so the whole model path — HTTP, the OpenAI client, tool-call parsing — runs without a model.
/// </summary>
internal sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();

    private ScriptedModelServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public bool TritonReady { get; set; } = true;

    public string ModelName { get; set; } = "qwen3";

    public static async Task<ScriptedModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedModelServer(app);
        app.MapGet("/v2/health/ready", (HttpContext c) => Results.StatusCode(server.TritonReady ? 200 : 503));
        app.MapPost("/v2/repository/index", () => Results.Text($"[{{\"name\":\"{server.ModelName}\",\"version\":\"1\",\"state\":\"READY\"}}]", "application/json"));
        app.MapGet("/v1/models", () => Results.Text($"{{\"object\":\"list\",\"data\":[{{\"id\":\"{server.ModelName}\",\"object\":\"model\"}}]}}", "application/json"));
        app.MapPost("/v2/models/{model}/generate", server.ServeAsync);
        app.MapPost("/v2/models/{model}/generate_stream", server.ServeAsync);
        app.MapPost("/v1/chat/completions", server.ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>Queues a JSON (or any text) reply.</summary>
    public ScriptedModelServer Reply(string body, int status = 200, string contentType = "application/json")
    {
        _replies.Enqueue(new ScriptedReply(status, [body], contentType, Sse: false));
        return this;
    }

    /// <summary>
    /// Queues a reply built when the request arrives (to fill in what only the live cluster or the request knows,
    /// such as a generated pod name or the prompt's size).
    /// </summary>
    public ScriptedModelServer Reply(Func<RecordedRequest, CancellationToken, Task<string>> build)
    {
        _replies.Enqueue(new ScriptedReply(200, [], "application/json", Sse: false, build));
        return this;
    }

    /// <summary>Replies not yet served.</summary>
    public int Pending => _replies.Count;

    /// <summary>Queues a Triton generate reply with the given text_output.</summary>
    public ScriptedModelServer ReplyTriton(string textOutput) =>
        Reply(new JsonObject { ["model_name"] = ModelName, ["model_version"] = "1", ["text_output"] = textOutput }.ToJsonString());

    /// <summary>Queues an OpenAI chat completion whose message is <paramref name="message"/> (content and/or tool_calls).</summary>
    public ScriptedModelServer ReplyOpenAI(JsonObject message, int promptTokens = 120, int completionTokens = 30) =>
        Reply(new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = ModelName,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = message["tool_calls"] is null ? "stop" : "tool_calls",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        }.ToJsonString());

    /// <summary>Queues a server-sent-event stream with one <c>data:</c> line per payload.</summary>
    public ScriptedModelServer ReplySse(params string[] payloads)
    {
        _replies.Enqueue(new ScriptedReply(200, payloads, "text/event-stream", Sse: true));
        return this;
    }

    private async Task ServeAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(context.Request.Path, body, context.Request.Headers.Authorization.ToString());
        Requests.Enqueue(recorded);
        if (!_replies.TryDequeue(out var reply))
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{\"error\":\"the fake model server has no scripted reply left\"}");
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        if (reply.Build is not null)
        {
            await context.Response.WriteAsync(await reply.Build(recorded, context.RequestAborted));
            return;
        }

        if (!reply.Sse)
        {
            await context.Response.WriteAsync(reply.Parts[0]);
            return;
        }

        foreach (var part in reply.Parts)
        {
            await context.Response.WriteAsync($"data: {part}\n\n");
            await context.Response.Body.FlushAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record ScriptedReply(
        int Status, IReadOnlyList<string> Parts, string ContentType, bool Sse, Func<RecordedRequest, CancellationToken, Task<string>>? Build = null);
}
