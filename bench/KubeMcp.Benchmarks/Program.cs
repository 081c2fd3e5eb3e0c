if (args is ["agent", ..]) { await KubeMcp.Benchmarks.Agent.AgentBenchmarks.RunAsync(args[1..]); return; }
Console.WriteLine("bench");
