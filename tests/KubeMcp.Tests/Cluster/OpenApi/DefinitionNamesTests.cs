using k8s.Models;
using KubeMcp.Cluster.OpenApi;

namespace KubeMcp.Tests.Cluster.OpenApi;

public sealed class DefinitionNamesTests
{
    [Theory]
    [InlineData(typeof(V1Pod), "io.k8s.api.core.v1.Pod")]
    [InlineData(typeof(V1PodSpec), "io.k8s.api.core.v1.PodSpec")]
    [InlineData(typeof(V1PodTemplateSpec), "io.k8s.api.core.v1.PodTemplateSpec")]
    [InlineData(typeof(V1DeploymentSpec), "io.k8s.api.apps.v1.DeploymentSpec")]
    [InlineData(typeof(V1RollingUpdateDeployment), "io.k8s.api.apps.v1.RollingUpdateDeployment")]
    [InlineData(typeof(V1ObjectMeta), "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")]
    [InlineData(typeof(V1LabelSelector), "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector")]
    [InlineData(typeof(V1Status), "io.k8s.apimachinery.pkg.apis.meta.v1.Status")]
    [InlineData(typeof(V2HorizontalPodAutoscalerSpec), "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec")]
    [InlineData(typeof(V1JobSpec), "io.k8s.api.batch.v1.JobSpec")]
    [InlineData(typeof(V1PolicyRule), "io.k8s.api.rbac.v1.PolicyRule")]
    [InlineData(typeof(Rbacv1Subject), "io.k8s.api.rbac.v1.Subject")]
    [InlineData(typeof(Corev1EndpointPort), "io.k8s.api.core.v1.EndpointPort")]
    [InlineData(typeof(Discoveryv1EndpointPort), "io.k8s.api.discovery.v1.EndpointPort")]
    [InlineData(typeof(V1IngressSpec), "io.k8s.api.networking.v1.IngressSpec")]
    [InlineData(typeof(V1Scale), "io.k8s.api.autoscaling.v1.Scale")]
    [InlineData(typeof(V1CustomResourceDefinitionSpec), "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec")]
    [InlineData(typeof(V1APIService), "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService")]
    [InlineData(typeof(IntOrString), "io.k8s.apimachinery.pkg.util.intstr.IntOrString")]
    [InlineData(typeof(ResourceQuantity), "io.k8s.apimachinery.pkg.api.resource.Quantity")]
    public void Of_UsesTheUpstreamDefinitionName(Type model, string expected) =>
        Assert.Equal(expected, DefinitionNames.Of(model));

    [Fact]
    public void TypeSharedWithAnotherGroup_BelongsToCore()
    {
        // Ingress backends reference TypedLocalObjectReference, which upstream defines in core/v1.
        Assert.Equal("io.k8s.api.core.v1.TypedLocalObjectReference", DefinitionNames.Of(typeof(V1TypedLocalObjectReference)));
    }

    [Fact]
    public void ForKind_ReversesTheGroupOfCustomResources()
    {
        Assert.Equal("com.example.stable.v1.CronTab", DefinitionNames.ForKind("stable.example.com", "v1", "CronTab", custom: true));
        Assert.Equal("io.k8s.api.networking.v1.Ingress", DefinitionNames.ForKind("networking.k8s.io", "v1", "Ingress"));
    }
}
