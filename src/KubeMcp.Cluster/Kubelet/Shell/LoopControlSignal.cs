namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>break</c> or <c>continue</c> unwinding to the enclosing loop (<see cref="Levels"/> loops out).</summary>
internal sealed class LoopControlSignal(bool isBreak, int levels) : Exception(isBreak ? "break" : "continue")
{
    public bool IsBreak { get; } = isBreak;

    public int Levels { get; } = levels;
}
