namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>What a task script sees: its folder (the working directory), the run's output folder, the kubeconfig, and a folder to put first on PATH (helm's).</summary>
internal sealed record ScriptEnvironment(string TaskDirectory, string OutputDirectory, string Kubeconfig, string? ExtraPath);
