namespace KubeMcp.Tests.Cluster.Printing;

public sealed class ServicePrinterTests
{
    private static readonly KubeMcp.Cluster.Api.ResourceType Services = Printed.Type("services");

    private static Dictionary<string, System.Text.Json.Nodes.JsonNode?> Row(string spec, string status = "{}") =>
        Printed.Row(Services, Printed.Parse($$"""{"metadata":{"name":"svc","creationTimestamp":"2025-03-01T11:58:30Z"},"spec":{{spec}},"status":{{status}}}"""));

    [Fact]
    public void ClusterIpService_ShowsTypeIpPortsAndSelector()
    {
        var row = Row("""
            {"type":"ClusterIP","clusterIP":"10.96.0.10","clusterIPs":["10.96.0.10"],"selector":{"app":"web"},
             "ports":[{"port":80,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]}
            """);

        Assert.Equal(["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"], Printed.DefaultColumnNames(Services));
        Assert.Equal("ClusterIP", row.Text("Type"));
        Assert.Equal("10.96.0.10", row.Text("Cluster-IP"));
        Assert.Equal("<none>", row.Text("External-IP"));
        Assert.Equal("80/TCP,53/UDP", row.Text("Port(s)"));
        Assert.Equal("90s", row.Text("Age"));
        Assert.Equal("app=web", row.Text("Selector"));
    }

    [Fact]
    public void NodePortService_ShowsNodePorts() =>
        Assert.Equal("80:30080/TCP", Row("""{"type":"NodePort","clusterIPs":["10.96.1.1"],"ports":[{"port":80,"nodePort":30080,"protocol":"TCP"}]}""")
            .Text("Port(s)"));

    [Fact]
    public void LoadBalancerService_ShowsPendingThenIngress()
    {
        const string spec = """{"type":"LoadBalancer","clusterIPs":["10.96.1.2"],"ports":[{"port":443,"nodePort":31443,"protocol":"TCP"}]}""";

        Assert.Equal("<pending>", Row(spec).Text("External-IP"));
        Assert.Equal("203.0.113.5,lb.example.com", Row(spec,
            """{"loadBalancer":{"ingress":[{"hostname":"lb.example.com"},{"ip":"203.0.113.5"}]}}""").Text("External-IP"));
    }

    [Fact]
    public void ExternalNameAndHeadlessServices()
    {
        var external = Row("""{"type":"ExternalName","externalName":"db.example.com"}""");
        var headless = Row("""{"type":"ClusterIP","clusterIP":"None","clusterIPs":["None"]}""");

        Assert.Equal("db.example.com", external.Text("External-IP"));
        Assert.Equal("<none>", external.Text("Cluster-IP"));
        Assert.Equal("<none>", external.Text("Port(s)"));
        Assert.Equal("None", headless.Text("Cluster-IP"));
        Assert.Equal("<none>", headless.Text("Selector"));
    }

    [Fact]
    public void Endpoints_ListsThreeAddressesThenCountsTheRest()
    {
        var row = Printed.Row(Printed.Type("endpoints"), Printed.Parse("""
            {"metadata":{"name":"web"},
             "subsets":[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],"ports":[{"port":80},{"port":443}]}]}
            """));

        Assert.Equal("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...", row.Text("Endpoints"));
    }

    [Fact]
    public void Endpoints_WithoutSubsets_ShowsNone() =>
        Assert.Equal("<none>", Printed.Row(Printed.Type("endpoints"), Printed.Parse("""{"metadata":{"name":"e"}}""")).Text("Endpoints"));

    [Fact]
    public void EndpointSlice_ShowsPortsAndAddresses()
    {
        var row = Printed.Row(Printed.Type("endpointslices", "discovery.k8s.io"), Printed.Parse("""
            {"metadata":{"name":"web-abc"},"addressType":"IPv6",
             "ports":[{"name":"http","port":80}],
             "endpoints":[{"addresses":["fd00::1"]},{"addresses":["fd00::2"]}]}
            """));

        Assert.Equal("IPv6", row.Text("AddressType"));
        Assert.Equal("80", row.Text("Ports"));
        Assert.Equal("fd00::1,fd00::2", row.Text("Endpoints"));
    }

    [Fact]
    public void Ingress_ShowsClassHostsAddressAndPorts()
    {
        var row = Printed.Row(Printed.Type("ingresses", "networking.k8s.io"), Printed.Parse("""
            {"metadata":{"name":"site"},
             "spec":{"ingressClassName":"nginx","tls":[{"hosts":["a.example.com"]}],
                     "rules":[{"host":"a.example.com"},{"host":"b.example.com"},{},{"host":"c.example.com"},{"host":"d.example.com"}]},
             "status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.10"}]}}}
            """));

        Assert.Equal("nginx", row.Text("Class"));
        Assert.Equal("a.example.com,b.example.com,c.example.com + 2 more...", row.Text("Hosts"));
        Assert.Equal("192.0.2.10", row.Text("Address"));
        Assert.Equal("80, 443", row.Text("Ports"));
    }
}
