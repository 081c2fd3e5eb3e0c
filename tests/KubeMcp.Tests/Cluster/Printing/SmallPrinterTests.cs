namespace KubeMcp.Tests.Cluster.Printing;

/// <summary>The one- and two-column printers of less common kinds.</summary>
public sealed class SmallPrinterTests
{
    [Fact]
    public void ResourceQuota_SplitsRequestsAndLimits()
    {
        var row = Printed.Row(Printed.Type("resourcequotas"), Printed.Parse("""
            {"metadata":{"name":"q"},
             "status":{"hard":{"pods":"10","limits.memory":"2Gi","requests.cpu":"1","limits.cpu":"2"},
                       "used":{"pods":"3","requests.cpu":"500m","limits.cpu":"1"}}}
            """));

        Assert.Equal("pods: 3/10, requests.cpu: 500m/1", row.Text("Request"));
        Assert.Equal("limits.cpu: 1/2, limits.memory: 0/2Gi", row.Text("Limit"));
    }

    [Fact]
    public void PriorityClass_ShowsValueDefaultAndPolicy()
    {
        var row = Printed.Row(Printed.Type("priorityclasses", "scheduling.k8s.io"), Printed.Parse("""
            {"metadata":{"name":"system-node-critical"},"value":2000001000,"preemptionPolicy":"PreemptLowerPriority"}
            """));

        Assert.Equal(2000001000, row.Number("Value"));
        Assert.False(row["Global-Default"]!.GetValue<bool>());
        Assert.Equal("PreemptLowerPriority", row.Text("PreemptionPolicy"));
    }

    [Fact]
    public void LeaseRuntimeClassAndIngressClass_ShowTheirOneField()
    {
        var lease = Printed.Row(Printed.Type("leases", "coordination.k8s.io"),
            Printed.Parse("""{"metadata":{"name":"kube-scheduler"},"spec":{"holderIdentity":"cp-1_abc"}}"""));
        var runtimeClass = Printed.Row(Printed.Type("runtimeclasses", "node.k8s.io"),
            Printed.Parse("""{"metadata":{"name":"gvisor"},"handler":"runsc"}"""));
        var ingressClass = Printed.Row(Printed.Type("ingressclasses", "networking.k8s.io"), Printed.Parse("""
            {"metadata":{"name":"nginx"},"spec":{"controller":"k8s.io/ingress-nginx","parameters":{"apiGroup":"k8s.example.com","kind":"IngressParameters","name":"external-lb"}}}
            """));

        Assert.Equal("cp-1_abc", lease.Text("Holder"));
        Assert.Equal("runsc", runtimeClass.Text("Handler"));
        Assert.Equal("IngressParameters.k8s.example.com/external-lb", ingressClass.Text("Parameters"));
    }

    [Fact]
    public void CsiDriver_AppliesApiDefaults()
    {
        var row = Printed.Row(Printed.Type("csidrivers", "storage.k8s.io"),
            Printed.Parse("""{"metadata":{"name":"ebs.csi.aws.com"},"spec":{"volumeLifecycleModes":["Persistent"]}}"""));

        Assert.True(row["AttachRequired"]!.GetValue<bool>());
        Assert.Equal("<unset>", row.Text("TokenRequests"));
        Assert.Equal("Persistent", row.Text("Modes"));
    }

    [Fact]
    public void NetworkPolicy_EmptyPodSelectorShowsNone() =>
        Assert.Equal("<none>", Printed.Row(Printed.Type("networkpolicies", "networking.k8s.io"),
            Printed.Parse("""{"metadata":{"name":"deny-all"},"spec":{"podSelector":{}}}""")).Text("Pod-Selector"));

    [Theory]
    [InlineData("""[{"type":"Available","status":"True"}]""", "True")]
    [InlineData("""[{"type":"Available","status":"False","reason":"MissingEndpoints"}]""", "False (MissingEndpoints)")]
    [InlineData("[]", "Unknown")]
    public void ApiService_ShowsAvailability(string conditions, string expected)
    {
        var row = Printed.Row(Printed.Type("apiservices", "apiregistration.k8s.io"), Printed.Parse($$$"""
            {"metadata":{"name":"v1beta1.metrics.k8s.io"},"spec":{"service":{"namespace":"kube-system","name":"metrics-server"}},
             "status":{"conditions":{{{conditions}}} } }
            """));

        Assert.Equal("kube-system/metrics-server", row.Text("Service"));
        Assert.Equal(expected, row.Text("Available"));
    }
}
