using k8s.Models;
using KubeMcp.Cluster.OpenApi;

namespace KubeMcp.Tests.Cluster.OpenApi;

public sealed class ModelShapesTests
{
    [Fact]
    public void FieldsOf_UsesWireNamesAndShapes()
    {
        var ports = ModelShapes.Field(typeof(V1Container), "ports")!;
        Assert.Equal(ShapeKind.Array, ports.Shape.Kind);
        Assert.Equal(typeof(V1ContainerPort), ports.Shape.Element!.ModelType);
        Assert.Equal("[]v1.ContainerPort", ports.Shape.GoTypeName);

        var limits = ModelShapes.Field(typeof(V1ResourceRequirements), "limits")!;
        Assert.Equal(ShapeKind.Map, limits.Shape.Kind);
        Assert.Equal(ShapeKind.Quantity, limits.Shape.Element!.Kind);

        Assert.Equal(ShapeKind.Bytes, ModelShapes.Field(typeof(V1Secret), "data")!.Shape.Element!.Kind);
        Assert.Equal(ShapeKind.IntOrString, ModelShapes.Field(typeof(V1ServicePort), "targetPort")!.Shape.Kind);
        Assert.Equal(ShapeKind.Int64, ModelShapes.Field(typeof(V1PodSpec), "terminationGracePeriodSeconds")!.Shape.Kind);
        Assert.Equal(ShapeKind.DateTime, ModelShapes.Field(typeof(V1ObjectMeta), "creationTimestamp")!.Shape.Kind);
        Assert.Null(ModelShapes.Field(typeof(V1Container), "Image"));
    }

    [Fact]
    public void Required_ComesFromNonNullableValueTypesAndTheCuratedList()
    {
        Assert.True(ModelShapes.Field(typeof(V1ContainerPort), "containerPort")!.Required);
        Assert.False(ModelShapes.Field(typeof(V1ContainerPort), "hostPort")!.Required);
        Assert.True(ModelShapes.Field(typeof(V1Container), "name")!.Required);
        Assert.False(ModelShapes.Field(typeof(V1Container), "image")!.Required);
        Assert.True(ModelShapes.Field(typeof(V1PodSpec), "containers")!.Required);
    }

    [Fact]
    public void Closure_ReachesNestedModelsOnce()
    {
        var closure = ModelShapes.Closure([typeof(V1Pod), typeof(V1Pod)]);

        Assert.Equal(typeof(V1Pod), closure[0]);
        Assert.Contains(typeof(V1Container), closure);
        Assert.Contains(typeof(V1ObjectMeta), closure);
        Assert.Equal(closure.Count, closure.Distinct().Count());
    }
}
