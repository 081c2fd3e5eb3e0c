using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// <c>kubemcp cluster up</c> started as a background job of a script (where the shell makes it ignore SIGINT) stops
/// in an orderly way on SIGINT and on SIGTERM.
/// </summary>
public sealed class ClusterUpSignalTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task ClusterUp_InTheBackground_StopsCleanlyOnSignal(string signal)
    {
        var directory = Directory.CreateTempSubdirectory("kubemcp-signal-").FullName;
        try
        {
            var kubemcp = Path.Combine(AppContext.BaseDirectory, "kubemcp.dll");
            var kubeconfig = Path.Combine(directory, "kubeconfig");
            // A non-interactive shell starts '&' jobs with SIGINT and SIGQUIT ignored.
            await using var shell = StreamingProcess.Start("bash",
            [
                "-c", """dotnet "$0" cluster up --port 0 --kubeconfig "$1" --data "$2" & echo "pid=$!"; wait $!; echo "exit=$?" """,
                kubemcp, kubeconfig, Path.Combine(directory, "data"),
            ]);
            var pid = (await shell.WaitForLineAsync(l => l.StartsWith("pid=", StringComparison.Ordinal)))["pid=".Length..];
            await shell.WaitForLineAsync(l => l.StartsWith("export KUBECONFIG=", StringComparison.Ordinal));
            await new Kubectl(kubeconfig, directory).OkAsync("get", "namespaces");

            var kill = await ProcessRunner.RunAsync("kill", ["-s", signal, pid], null, TimeSpan.FromSeconds(10));
            var exit = await shell.WaitForLineAsync(l => l.StartsWith("exit=", StringComparison.Ordinal));

            Assert.Equal(0, kill.ExitCode);
            Assert.Equal("exit=0", exit.Trim());
            Assert.Contains("Stopping the embedded cluster.", shell.Transcript);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
