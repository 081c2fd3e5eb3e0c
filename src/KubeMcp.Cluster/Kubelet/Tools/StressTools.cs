using System.Globalization;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary>
/// <c>stress</c> and <c>stress-ng</c>: the memory their vm workers hold and the CPU their workers burn, which is what
/// decides whether a container is OOM-killed or throttled. Both read sizes with binary suffixes (250M = 250 MiB).
/// </summary>
internal static class StressTools
{
    private const long DefaultVmBytes = 256L * 1024 * 1024;

    public static int Stress(ProcessContext p)
    {
        var args = p.Args;
        if (args.Count == 0 || args.Contains("--help") || args.Contains("-?"))
        {
            p.Print("`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n" +
                    " -?, --help         show this help statement\n     --version      show version statement\n" +
                    " -v, --verbose      be verbose\n -q, --quiet        be quiet\n -n, --dry-run      show what would have been done\n" +
                    " -t, --timeout N    timeout after N seconds\n     --backoff N    wait factor of N microseconds before work starts\n" +
                    " -c, --cpu N        spawn N workers spinning on sqrt()\n -i, --io N         spawn N workers spinning on sync()\n" +
                    " -m, --vm N         spawn N workers spinning on malloc()/free()\n     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n" +
                    "     --vm-stride B  touch a byte every B bytes (default is 4096)\n     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n" +
                    "     --vm-keep      redirty memory instead of freeing and reallocating\n -d, --hdd N        spawn N workers spinning on write()/unlink()\n" +
                    "     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)\n\nExample: stress --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s\n\n" +
                    "Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).\n");
            return 0;
        }
        var pid = p.ReplacesPid1 ? 1 : p.Machine.NextPid();
        long cpu = 0, io = 0, vm = 0, hdd = 0, vmBytes = DefaultVmBytes;
        TimeSpan? timeout = null;
        var quiet = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "-c" or "--cpu": cpu = Count(Value()); break;
                case "-i" or "--io": io = Count(Value()); break;
                case "-m" or "--vm": vm = Count(Value()); break;
                case "-d" or "--hdd": hdd = Count(Value()); break;
                case "--vm-bytes": vmBytes = Size(Value()) ?? vmBytes; break;
                case "-t" or "--timeout": timeout = Time(Value()); break;
                case "--vm-stride" or "--vm-hang" or "--hdd-bytes" or "--backoff": Value(); break;
                case "-q" or "--quiet": quiet = true; break;
                case "-v" or "--verbose" or "-n" or "--dry-run" or "--vm-keep": break;
                default:
                    p.Error($"stress: FAIL: [{pid}] (244) unrecognized option: {arg}\n");
                    return 1;
            }
        }
        if (!quiet)
        {
            p.Print($"stress: info: [{pid}] dispatching hogs: {cpu} cpu, {io} io, {vm} vm, {hdd} hdd\n");
        }
        Hog(p, vm * vmBytes, cpu + vm + io);
        if (timeout is { } t)
        {
            p.Machine.Advance(t);
            if (!quiet)
            {
                p.Print($"stress: info: [{pid}] successful run completed in {(long)t.TotalSeconds}s\n");
            }
            p.Machine.Trace.SetUsage(p.Clock, Math.Max(0, p.Machine.Trace.Memory - vm * vmBytes), 0);
            return 0;
        }
        throw p.Machine.RunsForever("stress");
    }

    public static int StressNg(ProcessContext p)
    {
        var args = p.Args;
        var pid = p.ReplacesPid1 ? 1 : p.Machine.NextPid();
        long vm = 0, cpu = 0, vmBytes = DefaultVmBytes;
        TimeSpan? timeout = null;
        var stressors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--vm": vm = Count(Value()); break;
                case "--cpu" or "-c": cpu = Count(Value()); break;
                case "--vm-bytes": vmBytes = SizeOrPercent(p, Value()) ?? vmBytes; break;
                case "--timeout" or "-t": timeout = Time(Value()); break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count && !args[i + 1].StartsWith('-') && !arg.EndsWith("-keep", StringComparison.Ordinal))
                    {
                        i++;
                    }
                    break;
            }
        }
        if (vm > 0)
        {
            stressors.Add($"{vm} vm");
        }
        if (cpu > 0)
        {
            stressors.Add($"{cpu} cpu");
        }
        if (stressors.Count == 0)
        {
            p.Error("stress-ng: error: [" + pid + "] No stress workers invoked\n");
            return 1;
        }
        var run = timeout is { } limit ? $"{limit.TotalSeconds:0} secs" : "1 day, 0 secs";
        p.Error($"stress-ng: info:  [{pid}] setting to a {run} run per stressor\n");
        p.Error($"stress-ng: info:  [{pid}] dispatching hogs: {string.Join(", ", stressors)}\n");
        Hog(p, vm * vmBytes, cpu + vm);
        if (timeout is { } t)
        {
            p.Machine.Advance(t);
            p.Error($"stress-ng: info:  [{pid}] successful run completed in {t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} secs\n");
            p.Machine.Trace.SetUsage(p.Clock, Math.Max(0, p.Machine.Trace.Memory - vm * vmBytes), 0);
            return 0;
        }
        throw p.Machine.RunsForever("stress-ng");
    }

    // Workers allocate and touch their memory within about a second; CPU workers each burn a core, throttled to the limit.
    private static void Hog(ProcessContext p, long bytes, long workers)
    {
        var trace = p.Machine.Trace;
        var limit = p.Container.Program.CpuLimitMillicores ?? long.MaxValue;
        trace.SetCpu(p.Clock, Math.Min(workers * 1000, limit));
        if (bytes > 0)
        {
            trace.RampMemory(p.Clock, TimeSpan.FromSeconds(1), trace.Memory + bytes);
        }
    }

    private static long Count(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>Sizes as stress reads them: a number with an optional B, K, M or G suffix, powers of 1024.</summary>
    public static long? Size(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var multiplier = char.ToLowerInvariant(value[^1]) switch
        {
            'b' => 1L,
            'k' => 1024L,
            'm' => 1024L * 1024,
            'g' => 1024L * 1024 * 1024,
            _ => 0L,
        };
        var number = multiplier == 0 ? value : value[..^1];
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? (long)(n * (multiplier == 0 ? 1 : multiplier))
            : null;
    }

    private static long? SizeOrPercent(ProcessContext p, string? value)
    {
        if (value is not null && value.EndsWith('%') &&
            double.TryParse(value[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            var total = p.Container.Program.MemoryLimitBytes ?? 8L * 1024 * 1024 * 1024;
            return (long)(total * percent / 100);
        }
        return Size(value);
    }

    private static TimeSpan? Time(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var factor = char.ToLowerInvariant(value[^1]) switch
        {
            's' => 1d,
            'm' => 60d,
            'h' => 3600d,
            'd' => 86400d,
            'y' => 31536000d,
            _ => 0d,
        };
        var number = factor == 0 ? value : value[..^1];
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? TimeSpan.FromSeconds(n * (factor == 0 ? 1 : factor))
            : null;
    }
}
