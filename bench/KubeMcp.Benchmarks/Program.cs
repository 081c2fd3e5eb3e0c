using KubeMcp.Benchmarks.Cluster;

// One entry per benchmark: `dotnet run --project bench/KubeMcp.Benchmarks -c Release -- <name> [options]`.
return args switch
{
    ["cluster", .. var rest] => await EmbeddedClusterBenchmark.RunAsync(rest),
    ["probe"] => await Probe.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: KubeMcp.Benchmarks <benchmark> [options]");
    Console.Error.WriteLine("  cluster [--pods 1000,10000] [--watchers 100] [--changes 1000] [--no-kubectl] [--realistic N]");
    Console.Error.WriteLine("          embedded cluster API: kubectl get pods -A, Table lists, memory, watch fan-out");
    return 2;
}
