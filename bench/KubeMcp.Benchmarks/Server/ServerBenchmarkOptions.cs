using System.Globalization;

namespace KubeMcp.Benchmarks.Server;

/// <summary>What the server benchmark runs: session counts, seconds per measurement, cold starts, pods, published builds of ours (repeatable <c>--published EXE</c>, cold start only).</summary>
internal sealed record ServerBenchmarkOptions(IReadOnlyList<int> Sessions, TimeSpan Duration, int Starts, int Pods, IReadOnlyList<string> Published, string? Dump)
{
    public static ServerBenchmarkOptions Parse(string[] args)
    {
        IReadOnlyList<int> sessions = [1, 8, 32];
        var seconds = 10;
        var starts = 5;
        var pods = 100;
        var published = new List<string>();
        string? dump = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--sessions":
                    sessions = value.Split(',').Select(s => Math.Clamp(int.Parse(s, CultureInfo.InvariantCulture), 1, 200)).ToList();
                    break;
                case "--seconds":
                    seconds = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 120);
                    break;
                case "--starts":
                    starts = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 0, 50);
                    break;
                case "--pods":
                    pods = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 1000);
                    break;
                case "--published":
                    published.Add(value);
                    break;
                case "--dump":
                    dump = value;
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}; use --sessions 1,8,32 --seconds S --starts N --pods N --published EXE --dump DIR");
            }
        }
        return new ServerBenchmarkOptions(sessions, TimeSpan.FromSeconds(seconds), starts, pods, published, dump);
    }
}
