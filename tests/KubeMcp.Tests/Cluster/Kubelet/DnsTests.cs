using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class DnsTests
{
    private const string InitScript =
        "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done";

    private static readonly Dictionary<string, string> ServiceAccount = new()
    {
        ["/var/run/secrets/kubernetes.io/serviceaccount/namespace"] = "shop",
    };

    private static ContainerProgram InitContainer(Func<string, string?> dns) =>
        Sim.Container("busybox:1.28", command: ["sh", "-c", InitScript], files: ServiceAccount) with { ResolveHost = dns };

    [Fact]
    public void InitContainerWaitLoop_WithoutTheService_WaitsForever()
    {
        var run = ProgramInterpreter.Run(InitContainer(_ => null));

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Equal(
            ["Server:    10.96.0.10", "Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local", "",
             "nslookup: can't resolve 'myservice.shop.svc.cluster.local'", "waiting for myservice"],
            Sim.Lines(run, TimeSpan.FromSeconds(1)));
        Assert.Equal(5 * 31, run.Logs.CountUpTo(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void InitContainerWaitLoop_WithTheService_Completes()
    {
        var run = ProgramInterpreter.Run(InitContainer(name => name == "myservice.shop.svc.cluster.local" ? "10.96.44.7" : null));

        Assert.Equal(ProgramOutcome.Exited(0, TimeSpan.Zero), run.Outcome);
        Assert.Contains("Address 1: 10.96.44.7 myservice.shop.svc.cluster.local", Sim.Lines(run));
    }

    [Fact]
    public void Nslookup_UsesTheSearchPathAndTheNewerBusyboxFormat()
    {
        var container = Sim.Container("busybox:1.36", command: ["nslookup", "db"]) with
        {
            ResolveHost = name => name == "db.shop.svc.cluster.local" ? "10.96.3.3" : null,
        };

        var run = ProgramInterpreter.Run(container);

        Assert.Equal(["Server:\t\t10.96.0.10", "Address:\t10.96.0.10:53", "", "Name:\tdb.shop.svc.cluster.local", "Address: 10.96.3.3", ""], Sim.Lines(run));
        Assert.Equal(0, run.Outcome.ExitCode);
    }

    [Fact]
    public void Nslookup_Nxdomain_ExitsOne()
    {
        var container = Sim.Container("busybox:1.36", command: ["nslookup", "nope"]) with { ResolveHost = _ => null };

        var run = ProgramInterpreter.Run(container);

        Assert.Contains("** server can't find nope: NXDOMAIN", Sim.Lines(run));
        Assert.Equal(1, run.Outcome.ExitCode);
    }

    [Fact]
    public void Getent_ResolvesInExecSessions()
    {
        var container = Sim.Container("nginx", files: ServiceAccount) with { ResolveHost = name => name == "kubernetes.default.svc.cluster.local" ? "10.96.0.1" : null };

        Assert.Equal(new ExecResult("10.96.0.1       kubernetes.default.svc.cluster.local\n", "", 0), Sim.Exec(container, "getent", "hosts", "kubernetes.default"));
        Assert.Equal(new ExecResult("", "", 2), Sim.Exec(container, "getent", "hosts", "missing"));
    }

    [Fact]
    public void WithoutClusterDns_LookupsAreNotSimulated()
    {
        var run = Sim.Run("busybox:1.36", command: ["nslookup", "db"]);

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Contains(run.Notes, n => n.Contains("no cluster DNS", StringComparison.Ordinal));
    }
}
