using System.Text;

namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>What a file descriptor points at: the container's stdout/stderr, a file, a capture buffer, or nothing.</summary>
internal abstract class OutputTarget
{
    public static readonly OutputTarget Null = new NullTarget();

    public abstract void Write(string text, TimeSpan at);

    /// <summary>
    /// The equivalent target in a forked machine: the container streams of <paramref name="from"/> become those of
    /// <paramref name="to"/>, files are written in <paramref name="files"/>.
    /// </summary>
    public virtual OutputTarget Rebind(IProcessOutput from, IProcessOutput to, VirtualFileSystem files) => this;

    /// <summary>Whether this target is one of the container's own streams in <paramref name="output"/>.</summary>
    public virtual bool IsStreamOf(IProcessOutput output) => false;

    public static OutputTarget Stream(IProcessOutput output, LogStreamKind kind) => new StreamTarget(output, kind);

    public static OutputTarget Capture(StringBuilder buffer) => new CaptureTarget(buffer);

    public static OutputTarget File(VirtualFileSystem files, string path) => new FileTarget(files, path);

    private sealed class NullTarget : OutputTarget
    {
        public override void Write(string text, TimeSpan at)
        {
        }
    }

    private sealed class StreamTarget(IProcessOutput output, LogStreamKind kind) : OutputTarget
    {
        public override void Write(string text, TimeSpan at) => output.Write(kind, text, at);

        public override OutputTarget Rebind(IProcessOutput from, IProcessOutput to, VirtualFileSystem files) =>
            ReferenceEquals(output, from) ? new StreamTarget(to, kind) : this;

        public override bool IsStreamOf(IProcessOutput candidate) => ReferenceEquals(output, candidate);
    }

    private sealed class CaptureTarget(StringBuilder buffer) : OutputTarget
    {
        public override void Write(string text, TimeSpan at) => buffer.Append(text);
    }

    private sealed class FileTarget(VirtualFileSystem files, string path) : OutputTarget
    {
        public override void Write(string text, TimeSpan at) => files.Write(path, text, append: true);

        public override OutputTarget Rebind(IProcessOutput from, IProcessOutput to, VirtualFileSystem other) =>
            new FileTarget(other, path);
    }
}
