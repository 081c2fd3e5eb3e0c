namespace KubeMcp.Tests.Cluster.Printing;

public sealed class ClusterPrinterTests
{
    [Fact]
    public void Node_ShowsReadinessCordonRolesAndVersion()
    {
        var type = Printed.Type("nodes");
        var node = Printed.Parse($$$"""
            {"metadata":{"name":"cp-1","creationTimestamp":"{{{Printed.Ago(TimeSpan.FromDays(40))}}}",
                         "labels":{"node-role.kubernetes.io/control-plane":"","node-role.kubernetes.io/etcd":"","kubernetes.io/os":"linux"}},
             "spec":{"unschedulable":true},
             "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}],
                       "addresses":[{"type":"Hostname","address":"cp-1"},{"type":"InternalIP","address":"172.18.0.2"}],
                       "nodeInfo":{"kubeletVersion":"v1.32.0","osImage":"Debian GNU/Linux 12","kernelVersion":"6.1.0","containerRuntimeVersion":"containerd://1.7.24"} } }
            """);

        var row = Printed.Row(type, node);

        Assert.Equal(["Name", "Status", "Roles", "Age", "Version"], Printed.DefaultColumnNames(type));
        Assert.Equal("Ready,SchedulingDisabled", row.Text("Status"));
        Assert.Equal("control-plane,etcd", row.Text("Roles"));
        Assert.Equal("40d", row.Text("Age"));
        Assert.Equal("v1.32.0", row.Text("Version"));
        Assert.Equal("172.18.0.2", row.Text("Internal-IP"));
        Assert.Equal("<none>", row.Text("External-IP"));
        Assert.Equal("containerd://1.7.24", row.Text("Container-Runtime"));
    }

    [Theory]
    [InlineData("""[{"type":"Ready","status":"False"}]""", "NotReady")]
    [InlineData("""[{"type":"Ready","status":"Unknown"}]""", "NotReady")]
    [InlineData("[]", "Unknown")]
    public void Node_StatusFromReadyCondition(string conditions, string expected)
    {
        var row = Printed.Row(Printed.Type("nodes"), Printed.Parse($$$"""{"metadata":{"name":"n"},"status":{"conditions":{{{conditions}}}}}"""));

        Assert.Equal(expected, row.Text("Status"));
        Assert.Equal("<none>", row.Text("Roles"));
        Assert.Equal("<unknown>", row.Text("OS-Image"));
    }

    [Fact]
    public void CoreEvent_ShowsLastSeenTypeReasonObjectMessage()
    {
        var type = Printed.Type("events");
        var ev = Printed.Parse("""
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"web-0.17f3a"},
             "involvedObject":{"kind":"Pod","name":"web-0","fieldPath":"spec.containers{nginx}"},
             "reason":"BackOff","message":"Back-off restarting failed container\n","type":"Warning","count":7,
             "firstTimestamp":"2025-03-01T11:00:00Z","lastTimestamp":"2025-03-01T11:58:00Z",
             "source":{"component":"kubelet","host":"node-1"}}
            """);

        var row = Printed.Row(type, ev);

        Assert.Equal(["Last Seen", "Type", "Reason", "Object", "Message"], Printed.DefaultColumnNames(type));
        Assert.Equal(["Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name"],
            Printed.ColumnNames(type));
        Assert.Equal("2m", row.Text("Last Seen"));
        Assert.Equal("Warning", row.Text("Type"));
        Assert.Equal("BackOff", row.Text("Reason"));
        Assert.Equal("pod/web-0", row.Text("Object"));
        Assert.Equal("Back-off restarting failed container", row.Text("Message"));
        Assert.Equal("spec.containers{nginx}", row.Text("Subobject"));
        Assert.Equal("kubelet, node-1", row.Text("Source"));
        Assert.Equal("60m", row.Text("First Seen"));
        Assert.Equal(7, row.Number("Count"));
        Assert.Equal("web-0.17f3a", row.Text("Name"));
    }

    [Fact]
    public void EventsApiEvent_MapsRegardingNoteAndSeries()
    {
        var ev = Printed.Parse("""
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"e1"},
             "regarding":{"kind":"Deployment","name":"web"},"note":"Scaled up replica set web-5d8 to 3",
             "reason":"ScalingReplicaSet","type":"Normal","eventTime":"2025-03-01T11:30:00.000000Z",
             "reportingController":"deployment-controller","reportingInstance":"",
             "series":{"count":4,"lastObservedTime":"2025-03-01T11:59:15.000000Z"}}
            """);

        var row = Printed.Row(Printed.Type("events", "events.k8s.io"), ev);

        Assert.Equal("45s", row.Text("Last Seen"));
        Assert.Equal("deployment/web", row.Text("Object"));
        Assert.Equal("Scaled up replica set web-5d8 to 3", row.Text("Message"));
        Assert.Equal("deployment-controller", row.Text("Source"));
        Assert.Equal("30m", row.Text("First Seen"));
        Assert.Equal(4, row.Number("Count"));
    }

    [Fact]
    public void SingletonEvent_WithoutTimestampsOrCount()
    {
        var row = Printed.Row(Printed.Type("events"), Printed.Parse("""
            {"metadata":{"name":"e"},"involvedObject":{"kind":"Node"},"eventTime":"2025-03-01T11:59:50.5Z"}
            """));

        Assert.Equal("9s", row.Text("Last Seen"));
        Assert.Equal("node", row.Text("Object"));
        Assert.Equal(1, row.Number("Count"));
    }

    [Theory]
    [InlineData("""{"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":80}}}]}""",
        """{"currentReplicas":2,"currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":45}}}]}""",
        "cpu: 45%/80%")]
    [InlineData("""{"metrics":[{"type":"Resource","resource":{"name":"memory","target":{"type":"AverageValue","averageValue":"500Mi"}}}]}""",
        "{}", "memory: <unknown>/500Mi")]
    [InlineData("""{"targetCPUUtilizationPercentage":70}""", """{"currentCPUUtilizationPercentage":12}""", "cpu: 12%/70%")]
    [InlineData("{}", "{}", "<none>")]
    [InlineData("""{"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"averageUtilization":50}}},{"type":"Pods","pods":{"target":{"averageValue":"1k"}}},{"type":"External","external":{"target":{"value":"10"}}}]}""",
        """{"currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":60}}},{"type":"Pods","pods":{"current":{"averageValue":"900"}}}]}""",
        "cpu: 60%/50%, 900/1k + 1 more...")]
    public void HorizontalPodAutoscaler_FormatsTargets(string extraSpec, string status, string expected)
    {
        var spec = Printed.Parse(extraSpec);
        spec["scaleTargetRef"] = Printed.Parse("""{"kind":"Deployment","name":"web"}""");
        spec["maxReplicas"] = 10;
        var hpa = Printed.Parse($$"""{"metadata":{"name":"web"},"spec":{{spec.ToJsonString()}},"status":{{status}}}""");

        var row = Printed.Row(Printed.Type("horizontalpodautoscalers", "autoscaling", "v2"), hpa);

        Assert.Equal(expected, row.Text("Targets"));
        Assert.Equal("Deployment/web", row.Text("Reference"));
        Assert.Equal("<unset>", row.Text("MinPods"));
        Assert.Equal(10, row.Number("MaxPods"));
    }

    [Fact]
    public void RoleBinding_ShowsRoleAndSubjects()
    {
        var row = Printed.Row(Printed.Type("rolebindings", "rbac.authorization.k8s.io"), Printed.Parse("""
            {"metadata":{"name":"read"},"roleRef":{"kind":"ClusterRole","name":"view"},
             "subjects":[{"kind":"User","name":"jane"},{"kind":"Group","name":"devs"},{"kind":"ServiceAccount","name":"ci","namespace":"tools"},{"kind":"User","name":"joe"}]}
            """));

        Assert.Equal("ClusterRole/view", row.Text("Role"));
        Assert.Equal("jane, joe", row.Text("Users"));
        Assert.Equal("devs", row.Text("Groups"));
        Assert.Equal("tools/ci", row.Text("ServiceAccounts"));
    }

    [Fact]
    public void ConfigMapSecretAndServiceAccount_CountEntries()
    {
        var cm = Printed.Row(Printed.Type("configmaps"), Printed.Parse("""{"metadata":{"name":"c"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}"""));
        var secret = Printed.Row(Printed.Type("secrets"), Printed.Parse("""{"metadata":{"name":"s"},"type":"kubernetes.io/tls","data":{"tls.crt":"","tls.key":""}}"""));
        var sa = Printed.Row(Printed.Type("serviceaccounts"), Printed.Parse("""{"metadata":{"name":"default"}}"""));

        Assert.Equal(3, cm.Number("Data"));
        Assert.Equal("kubernetes.io/tls", secret.Text("Type"));
        Assert.Equal(2, secret.Number("Data"));
        Assert.Equal(0, sa.Number("Secrets"));
    }

    [Fact]
    public void Namespace_ShowsPhase() =>
        Assert.Equal("Terminating", Printed.Row(Printed.Type("namespaces"),
            Printed.Parse("""{"metadata":{"name":"old"},"status":{"phase":"Terminating"}}""")).Text("Status"));

    [Fact]
    public void PersistentVolumeClaim_ShowsBindingDetailsOnlyWhenBound()
    {
        var type = Printed.Type("persistentvolumeclaims");
        var bound = Printed.Row(type, Printed.Parse("""
            {"metadata":{"name":"data"},"spec":{"volumeName":"pv-1","storageClassName":"standard","volumeMode":"Filesystem"},
             "status":{"phase":"Bound","capacity":{"storage":"10Gi"},"accessModes":["ReadWriteMany","ReadWriteOnce"]}}
            """));
        var pending = Printed.Row(type, Printed.Parse("""{"metadata":{"name":"wait"},"spec":{"resources":{"requests":{"storage":"1Gi"}}},"status":{"phase":"Pending"}}"""));

        Assert.Equal("10Gi", bound.Text("Capacity"));
        Assert.Equal("RWO,RWX", bound.Text("Access Modes"));
        Assert.Equal("standard", bound.Text("StorageClass"));
        Assert.Equal("<unset>", bound.Text("VolumeAttributesClass"));
        Assert.Equal("", pending.Text("Capacity"));
        Assert.Equal("Pending", pending.Text("Status"));
    }

    [Fact]
    public void PersistentVolume_ShowsClaimAndPolicy()
    {
        var row = Printed.Row(Printed.Type("persistentvolumes"), Printed.Parse("""
            {"metadata":{"name":"pv-1"},"spec":{"capacity":{"storage":"10Gi"},"accessModes":["ReadWriteOnce"],
             "persistentVolumeReclaimPolicy":"Retain","claimRef":{"namespace":"default","name":"data"},"storageClassName":"standard"},
             "status":{"phase":"Bound"}}
            """));

        Assert.Equal("Retain", row.Text("Reclaim Policy"));
        Assert.Equal("default/data", row.Text("Claim"));
        Assert.Equal("Bound", row.Text("Status"));
    }

    [Fact]
    public void StorageClass_MarksTheDefault()
    {
        var row = Printed.Row(Printed.Type("storageclasses", "storage.k8s.io"), Printed.Parse("""
            {"metadata":{"name":"standard","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},"provisioner":"rancher.io/local-path"}
            """));

        Assert.Equal("standard (default)", row.Text("Name"));
        Assert.Equal("Delete", row.Text("ReclaimPolicy"));
        Assert.Equal("Immediate", row.Text("VolumeBindingMode"));
        Assert.False(row["AllowVolumeExpansion"]!.GetValue<bool>());
    }

    [Fact]
    public void PodDisruptionBudget_ShowsIntOrStringBounds()
    {
        var row = Printed.Row(Printed.Type("poddisruptionbudgets", "policy"), Printed.Parse("""
            {"metadata":{"name":"web"},"spec":{"minAvailable":"50%"},"status":{"disruptionsAllowed":1}}
            """));

        Assert.Equal("50%", row.Text("Min Available"));
        Assert.Equal("N/A", row.Text("Max Unavailable"));
        Assert.Equal(1, row.Number("Allowed Disruptions"));
    }

    [Fact]
    public void CertificateSigningRequest_ShowsConditionAndDuration()
    {
        var row = Printed.Row(Printed.Type("certificatesigningrequests", "certificates.k8s.io"), Printed.Parse("""
            {"metadata":{"name":"csr-1"},"spec":{"signerName":"kubernetes.io/kube-apiserver-client","username":"jane","expirationSeconds":86400},
             "status":{"conditions":[{"type":"Approved","status":"True"}],"certificate":"LS0t"}}
            """));

        Assert.Equal("Approved,Issued", row.Text("Condition"));
        Assert.Equal("24h", row.Text("RequestedDuration"));
        Assert.Equal("jane", row.Text("Requestor"));
    }
}
