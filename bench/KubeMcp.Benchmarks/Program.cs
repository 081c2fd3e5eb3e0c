using KubeMcp.Benchmarks;

// Usage: dotnet run -c Release --project bench/KubeMcp.Benchmarks -- <benchmark>
var name = args.FirstOrDefault() ?? "help";
switch (name)
{
    case "scale":
        Console.WriteLine(await ScaleBenchmark.RunAsync());
        return 0;
    case "eval":
        Console.WriteLine(await EvalBenchmark.RunAsync());
        return 0;
    default:
        Console.Error.WriteLine("benchmarks: scale, eval");
        return name == "help" ? 0 : 2;
}
