using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary>
/// <c>nslookup</c> and <c>getent hosts</c> against the cluster DNS the caller provides
/// (<see cref="ContainerProgram.ResolveHost"/>), with the pod's search path (<c>ndots:5</c>). BusyBox before 1.29
/// prints the older format the Kubernetes DNS debugging docs show.
/// </summary>
internal static class DnsTools
{
    public static int Nslookup(ProcessContext p)
    {
        var name = p.Args.FirstOrDefault(a => !a.StartsWith('-'));
        if (name is null)
        {
            p.Error("Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n");
            return 1;
        }
        var (fqdn, address) = Resolve(p, name);
        var dns = p.Container.Program.ClusterDns;
        if (OldBusybox(p))
        {
            p.Print($"Server:    {dns}\nAddress 1: {dns} kube-dns.kube-system.svc.cluster.local\n\n");
            if (address is null)
            {
                p.Error($"nslookup: can't resolve '{name}'\n");
                return 1;
            }
            p.Print($"Name:      {fqdn}\nAddress 1: {address} {fqdn}\n");
            return 0;
        }
        p.Print($"Server:\t\t{dns}\nAddress:\t{dns}:53\n\n");
        if (address is null)
        {
            // One failure per query type (A and AAAA).
            p.Print($"** server can't find {name}: NXDOMAIN\n\n** server can't find {name}: NXDOMAIN\n\n");
            return 1;
        }
        p.Print($"Name:\t{fqdn}\nAddress: {address}\n\n");
        return 0;
    }

    public static int Getent(ProcessContext p)
    {
        if (p.Args.Count < 2 || p.Args[0] is not ("hosts" or "ahosts" or "ahostsv4"))
        {
            throw new NotUnderstoodException("getent", $"getent {string.Join(' ', p.Args)} is not simulated");
        }
        var status = 0;
        foreach (var name in p.Args.Skip(1))
        {
            var (fqdn, address) = Resolve(p, name);
            if (address is null)
            {
                status = 2;
                continue;
            }
            p.Print($"{address,-15} {fqdn}\n");
        }
        return status;
    }

    private static (string Name, string? Address) Resolve(ProcessContext p, string name)
    {
        var program = p.Container.Program;
        if (name is "localhost" or "localhost.localdomain")
        {
            return (name, "127.0.0.1");
        }
        if (name == program.PodName)
        {
            return (name, program.PodIP);
        }
        var resolve = program.ResolveHost
            ?? throw new NotUnderstoodException(p.Name, $"{p.Name} {name} is not simulated (the simulation was given no cluster DNS)");
        foreach (var candidate in Candidates(name, program.Namespace))
        {
            if (resolve(candidate) is { } address)
            {
                return (candidate, address);
            }
        }
        return (name, null);
    }

    // resolv.conf has "search NS.svc.cluster.local svc.cluster.local cluster.local" and "options ndots:5".
    private static IEnumerable<string> Candidates(string name, string ns)
    {
        if (name.EndsWith('.'))
        {
            return [name.TrimEnd('.')];
        }
        string[] search = [$"{ns}.svc.cluster.local", "svc.cluster.local", "cluster.local"];
        var withSearch = search.Select(domain => $"{name}.{domain}");
        return name.Count(c => c == '.') >= 5 ? [name, .. withSearch] : [.. withSearch, name];
    }

    private static bool OldBusybox(ProcessContext p)
    {
        var image = p.Container.Program.Image;
        return p.Container.Os.Family == "busybox" &&
               Version.TryParse(image.Version, out var version) && version < new Version(1, 29);
    }
}
