using System.Globalization;

namespace KubeMcp.Benchmarks.Load;

/// <summary>How hard and how long the load test pushes.</summary>
internal sealed record LoadTestOptions(int Sessions, TimeSpan Duration)
{
    public static LoadTestOptions Parse(string[] args)
    {
        var sessions = 50;
        var seconds = 60;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sessions":
                    sessions = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}; use --sessions N and --seconds S");
            }
        }
        // Bounded on purpose: this runs on shared machines.
        return new LoadTestOptions(Math.Clamp(sessions, 1, 200), TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 600)));
    }
}
