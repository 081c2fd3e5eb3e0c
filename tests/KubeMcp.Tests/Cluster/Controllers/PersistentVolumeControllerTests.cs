using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class PersistentVolumeControllerTests
{
    private static string Claim(string name, string? storageClass = null)
    {
        var classLine = storageClass is null ? "" : $"storageClassName: \"{storageClass}\"";
        return $$$"""
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: {{{name}}}, namespace: default}
            spec:
              {{{classLine}}}
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 2Gi}}
            """;
    }

    private const string Consumer = """
        apiVersion: v1
        kind: Pod
        metadata: {name: app, namespace: default}
        spec:
          containers: [{name: app, image: "nginx:1.27", volumeMounts: [{name: data, mountPath: /data}]}]
          volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
        """;

    [Fact]
    public async Task DefaultClass_WaitsForTheFirstConsumerThenProvisionsOnItsNode()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Claim("data"));
        await sim.SettleAsync();
        var claim = sim.Require("v1", "PersistentVolumeClaim", "default", "data");
        Assert.Equal("standard", claim.Str("spec.storageClassName"));
        Assert.Equal("Pending", claim.Str("status.phase"));
        Assert.Equal(["waiting for first consumer to be created before binding"], sim.EventMessages("default", "data", "WaitForFirstConsumer"));
        Assert.Empty(sim.List("v1", "PersistentVolume", null));

        sim.Apply(Consumer);
        await sim.SettleAsync();
        var node = sim.Require("v1", "Pod", "default", "app").Str("spec.nodeName");
        claim = sim.Require("v1", "PersistentVolumeClaim", "default", "data");
        var volumeName = $"pvc-{claim.Uid()}";
        Assert.Equal("Bound", claim.Str("status.phase"));
        Assert.Equal(volumeName, claim.Str("spec.volumeName"));
        Assert.Equal("2Gi", claim.Str("status.capacity.storage"));
        Assert.Equal(node, claim.Annotations()?["volume.kubernetes.io/selected-node"]?.ToString());
        Assert.Equal("yes", claim.Annotations()?["pv.kubernetes.io/bind-completed"]?.ToString());

        var volume = sim.Require("v1", "PersistentVolume", null, volumeName);
        Assert.Equal("Bound", volume.Str("status.phase"));
        Assert.Equal(claim.Uid(), volume.Str("spec.claimRef.uid"));
        Assert.Equal("Delete", volume.Str("spec.persistentVolumeReclaimPolicy"));
        Assert.Equal("sim.kubemcp.io/local-path", volume.Annotations()?["pv.kubernetes.io/provisioned-by"]?.ToString());
        Assert.Equal(node, volume.At("spec.nodeAffinity.required.nodeSelectorTerms")?[0]?["matchExpressions"]?[0]?["values"]?[0]?.ToString());
        Assert.Equal([$"Successfully provisioned volume {volumeName}"], sim.EventMessages("default", "data", "ProvisioningSucceeded"));
    }

    [Fact]
    public async Task DeletingTheClaim_DeletesItsProvisionedVolume()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Claim("data"));
        sim.Apply(Consumer);
        await sim.SettleAsync();
        Assert.Single(sim.List("v1", "PersistentVolume", null));

        sim.Delete("v1", "Pod", "default", "app", new KubeMcp.Cluster.Registry.DeleteOptions(GracePeriodSeconds: 0));
        sim.Delete("v1", "PersistentVolumeClaim", "default", "data");
        await sim.SettleAsync();
        Assert.Empty(sim.List("v1", "PersistentVolume", null));
    }

    [Fact]
    public async Task StaticVolume_TheSmallestThatFitsIsBoundAndReleasedWhenTheClaimGoes()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply("""
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: small}
            spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /mnt/small}}
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: large}
            spec: {capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /mnt/large}}
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: medium}
            spec: {capacity: {storage: 5Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /mnt/medium}}
            """);
        await sim.SettleAsync();
        Assert.All(sim.List("v1", "PersistentVolume", null), v => Assert.Equal("Available", v.Str("status.phase")));

        sim.Apply(Claim("manual", storageClass: ""));
        await sim.SettleAsync();
        Assert.Equal("medium", sim.Require("v1", "PersistentVolumeClaim", "default", "manual").Str("spec.volumeName"));
        Assert.Equal("Bound", sim.Require("v1", "PersistentVolume", null, "medium").Str("status.phase"));

        sim.Delete("v1", "PersistentVolumeClaim", "default", "manual");
        await sim.SettleAsync();
        Assert.Equal("Released", sim.Require("v1", "PersistentVolume", null, "medium").Str("status.phase"));
    }

    [Fact]
    public async Task ImmediateClass_ProvisionsWithoutAConsumer()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply("""
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: fast}
            provisioner: sim.kubemcp.io/local-path
            reclaimPolicy: Retain
            volumeBindingMode: Immediate
            """);
        sim.Apply(Claim("quick", storageClass: "fast"));
        await sim.SettleAsync();
        var claim = sim.Require("v1", "PersistentVolumeClaim", "default", "quick");
        Assert.Equal("Bound", claim.Str("status.phase"));
        var volume = sim.Require("v1", "PersistentVolume", null, claim.Str("spec.volumeName")!);
        Assert.Equal("Retain", volume.Str("spec.persistentVolumeReclaimPolicy"));
        Assert.Null(volume.At("spec.nodeAffinity"));
    }

    [Fact]
    public async Task UnknownClass_ReportsProvisioningFailed()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Claim("lost", storageClass: "gold"));
        await sim.SettleAsync();
        Assert.Equal("Pending", sim.Require("v1", "PersistentVolumeClaim", "default", "lost").Str("status.phase"));
        Assert.Equal(["storageclass.storage.k8s.io \"gold\" not found"], sim.EventMessages("default", "lost", "ProvisioningFailed"));
    }
}
