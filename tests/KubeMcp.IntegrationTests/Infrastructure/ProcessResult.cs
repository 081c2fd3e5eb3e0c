namespace KubeMcp.IntegrationTests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
