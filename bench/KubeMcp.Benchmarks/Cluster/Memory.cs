using System.Diagnostics;

namespace KubeMcp.Benchmarks.Cluster;

/// <summary>The process's memory after a full, compacting collection: the cluster runs in this process.</summary>
internal sealed record Memory(string Heap, string Rss)
{
    public static Memory Measure()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return new Memory(Format.Mb(GC.GetTotalMemory(forceFullCollection: false)), Format.Mb(process.WorkingSet64));
    }

    public override string ToString() => $"managed heap {Heap}, process RSS {Rss}";
}
