using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// The Kubernetes streaming protocol over WebSocket (<c>v4.channel.k8s.io</c>, <c>v5.channel.k8s.io</c>): every
/// binary message starts with a channel byte — 0 stdin, 1 stdout, 2 stderr, 3 error (the final Status as JSON),
/// 4 terminal resize — and in v5 a message on channel 255 closes the channel named by its second byte.
/// </summary>
internal sealed class ExecChannels(WebSocket socket, string protocol)
{
    public const string V5 = "v5.channel.k8s.io";
    public const string V4 = "v4.channel.k8s.io";

    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Error = 3;
    public const byte Resize = 4;
    public const byte Close = 255;

    /// <summary>What the server offers, best first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [V5, V4];

    /// <summary>Largest payload per message, as the kubelet's stream buffers.</summary>
    private const int MaxPayload = 32 * 1024;

    public string Protocol => protocol;

    /// <summary>Whether the peer can signal the end of stdin (v5 only).</summary>
    public bool CanCloseStdin => protocol == V5;

    /// <summary>The best protocol both sides speak, or null.</summary>
    public static string? Negotiate(IEnumerable<string> requested)
    {
        var offered = requested.SelectMany(r => r.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return Supported.FirstOrDefault(offered.Contains);
    }

    public async Task WriteAsync(byte channel, string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var offset = 0; offset < bytes.Length; offset += MaxPayload)
        {
            var length = Math.Min(MaxPayload, bytes.Length - offset);
            await socket.SendAsync(Frame(channel, bytes.AsSpan(offset, length)), WebSocketMessageType.Binary, true, ct);
        }
    }

    /// <summary>The final status of the command on the error channel.</summary>
    public Task WriteStatusAsync(JsonObject status, CancellationToken ct) => WriteAsync(Error, status.ToJsonString(), ct);

    /// <summary>
    /// The next message from the client as (channel, payload); null when the client closed the socket. A v5 close
    /// message is reported as channel 255 with the closed channel as payload.
    /// </summary>
    public async Task<(byte Channel, byte[] Payload)?> ReadAsync(CancellationToken ct)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (message.Length > 1024 * 1024)
            {
                throw new WebSocketException(WebSocketError.InvalidMessageType, "a stream message over 1 MiB is not accepted");
            }
            if (result.EndOfMessage)
            {
                break;
            }
        }
        var bytes = message.ToArray();
        return bytes.Length == 0 ? (Stdin, []) : (bytes[0], bytes[1..]);
    }

    /// <summary>Closes the socket and waits briefly for the client's close, so it sees a clean end of stream.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            var buffer = new byte[1024];
            while (socket.State == WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away first; nothing is left to tell it.
        }
    }

    /// <summary><c>{"metadata":{},"status":"Success"}</c>, or the kubelet's NonZeroExitCode failure.</summary>
    public static JsonObject ExitStatus(int exitCode, IReadOnlyList<string> command)
    {
        if (exitCode == 0)
        {
            return new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" };
        }
        var code = exitCode.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = $"command terminated with non-zero exit code: error executing command [{string.Join(' ', command)}], exit code {code}",
            ["reason"] = "NonZeroExitCode",
            ["details"] = new JsonObject
            {
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = code }),
            },
        };
    }

    /// <summary>One message: the channel byte, then the payload.</summary>
    public static byte[] Frame(byte channel, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[payload.Length + 1];
        frame[0] = channel;
        payload.CopyTo(frame.AsSpan(1));
        return frame;
    }
}
