using KubeMcp.Benchmarks;

// Usage: dotnet run -c Release --project bench/KubeMcp.Benchmarks -- <benchmark> [options]
var name = args.FirstOrDefault() ?? "help";
switch (name)
{
    case "scale":
        Console.WriteLine(await ScaleBenchmark.RunAsync());
        return 0;
    case "agent":
        await KubeMcp.Benchmarks.Agent.AgentBenchmarks.RunAsync(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("benchmarks: scale, agent");
        return name == "help" ? 0 : 2;
}
