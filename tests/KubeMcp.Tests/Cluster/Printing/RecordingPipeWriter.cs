using System.Buffers;
using System.IO.Pipelines;

namespace KubeMcp.Tests.Cluster.Printing;

/// <summary>A pipe writer that keeps what is written and how much of it had been committed at each flush.</summary>
internal sealed class RecordingPipeWriter : PipeWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public List<int> CommittedAtFlush { get; } = [];

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public override void Advance(int bytes) => _buffer.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        CommittedAtFlush.Add(_buffer.WrittenCount);
        return ValueTask.FromResult(new FlushResult(isCanceled: false, isCompleted: false));
    }

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }
}
