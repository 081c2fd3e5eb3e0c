using KubeMcp.Benchmarks.Load;

// `dotnet run -c Release --project bench/KubeMcp.Benchmarks -- load [--sessions N] [--seconds S]`
if (args.Length > 0 && args[0] == "load")
{
    return await LoadTest.RunAsync(LoadTestOptions.Parse(args[1..]));
}
Console.WriteLine("bench: modes: load [--sessions 50] [--seconds 60]");
return 0;
