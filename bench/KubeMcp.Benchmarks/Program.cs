using KubeMcp.Benchmarks;
using KubeMcp.Benchmarks.Cluster;

// Usage: dotnet run -c Release --project bench/KubeMcp.Benchmarks -- <benchmark> [options]; see each benchmark's class.
var name = args.FirstOrDefault() ?? "help";
switch (name)
{
    case "cluster":
        return await EmbeddedClusterBenchmark.RunAsync(args[1..]);
    case "cluster-process":
        return await ClusterProcessBenchmark.RunAsync(args[1..]);
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
    case "load":
        return await KubeMcp.Benchmarks.Load.LoadTest.RunAsync(KubeMcp.Benchmarks.Load.LoadTestOptions.Parse(args[1..]));
    case "server":
        return await KubeMcp.Benchmarks.Server.ServerBenchmark.RunAsync(KubeMcp.Benchmarks.Server.ServerBenchmarkOptions.Parse(args[1..]));
    default:
        Console.Error.WriteLine("""
            benchmarks:
              cluster [--pods 1000,10000] [--watchers 100] [--changes 1000] [--no-kubectl] [--realistic N]
              cluster-process [--pods 10000]
              scale
              eval
              agent
              client [--calls 1000] [--starts 5] [--pods 20]
              load [--sessions 50] [--seconds 60]
              server [--sessions 1,8,32] [--seconds 10] [--starts 5] [--pods 100] [--published EXE] [--dump DIR]
            """);
        return name == "help" ? 0 : 2;
}
