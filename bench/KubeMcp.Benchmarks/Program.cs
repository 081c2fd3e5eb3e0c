using KubeMcp.Benchmarks;

// Usage: dotnet run -c Release --project bench/KubeMcp.Benchmarks -- <benchmark> [options]; see each benchmark's class.
var name = args.FirstOrDefault() ?? "help";
switch (name)
{
    case "scale":
        Console.WriteLine(await ScaleBenchmark.RunAsync());
        return 0;
    case "eval":
        Console.WriteLine(await EvalBenchmark.RunAsync());
        return 0;
    case "agent":
        await KubeMcp.Benchmarks.Agent.AgentBenchmarks.RunAsync(args[1..]);
        return 0;
    case "client":
        return await ClientBenchmarks.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("benchmarks: scale | eval | agent | client [--calls 1000] [--starts 5] [--pods 20]");
        return name == "help" ? 0 : 2;
}
