using System.Text;
using System.Text.Json;

namespace KubeMcp.Server.Audit;

/// <summary>
/// An append-only JSON Lines file. Each record is written and flushed to the operating system before
/// <see cref="Write"/> returns, so a record whose call was answered survives the process being killed. When the
/// file would grow past <see cref="AuditLogOptions.MaxBytes"/> it is renamed to <c>FILE.1</c> (older ones shift up,
/// the oldest beyond <see cref="AuditLogOptions.MaxFiles"/> is removed) and a new file is started.
/// </summary>
internal sealed class AuditLog : IDisposable
{
    private readonly AuditLogOptions _options;
    private readonly Lock _lock = new();
    private FileStream _stream;

    public AuditLog(AuditLogOptions options)
    {
        _options = options;
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }
        _stream = Open();
    }

    public string Path => _options.Path;

    public void Write(AuditRecord record)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record, AuditJsonContext.Default.AuditRecord);
        lock (_lock)
        {
            if (_options.MaxBytes > 0 && _stream.Length > 0 && _stream.Length + line.Length + 1 > _options.MaxBytes)
            {
                Rotate();
            }
            // One write call per line keeps a concurrent reader (tail -f) from seeing half a record.
            var buffer = new byte[line.Length + 1];
            line.CopyTo(buffer, 0);
            buffer[^1] = (byte)'\n';
            _stream.Write(buffer);
            _stream.Flush(_options.FlushToDisk);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stream.Dispose();
        }
    }

    private FileStream Open()
    {
        var stream = new FileStream(_options.Path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 1);
        if (!OperatingSystem.IsWindows())
        {
            // The log holds who did what to the cluster: readable by the operator only.
            File.SetUnixFileMode(_options.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return stream;
    }

    private void Rotate()
    {
        _stream.Dispose();
        var keep = Math.Max(1, _options.MaxFiles);
        var oldest = $"{_options.Path}.{keep}";
        if (File.Exists(oldest))
        {
            File.Delete(oldest);
        }
        for (var i = keep - 1; i >= 1; i--)
        {
            var from = $"{_options.Path}.{i}";
            if (File.Exists(from))
            {
                File.Move(from, $"{_options.Path}.{i + 1}");
            }
        }
        File.Move(_options.Path, $"{_options.Path}.1");
        _stream = Open();
    }

    /// <summary>Every line currently in the log and its rotated files, oldest first (for tests and tools).</summary>
    public static IReadOnlyList<string> ReadAll(string path, int maxFiles = 10)
    {
        var lines = new List<string>();
        for (var i = maxFiles; i >= 1; i--)
        {
            var rotated = $"{path}.{i}";
            if (File.Exists(rotated))
            {
                lines.AddRange(ReadShared(rotated));
            }
        }
        if (File.Exists(path))
        {
            lines.AddRange(ReadShared(path));
        }
        return lines;
    }

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var result = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                result.Add(line);
            }
        }
        return result;
    }
}
