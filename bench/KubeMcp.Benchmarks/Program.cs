using KubeMcp.Benchmarks;

// Each benchmark is chosen by its first argument; see the class of each for its options.
return args switch
{
    ["client", .. var rest] => await ClientBenchmarks.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: KubeMcp.Benchmarks client [--calls 1000] [--starts 5] [--pods 20]");
    return 2;
}
