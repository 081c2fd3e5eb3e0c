using System.Text;
using k8s.Models;
using KubeMcp.Cluster.OpenApi;

namespace KubeMcp.Tests.Cluster.OpenApi;

public sealed class ModelDocsTests
{
    [Fact]
    public void Parse_JoinsWrappedLinesAndKeepsOnlyModelMembers()
    {
        var xml = """
            <doc><members>
              <member name="P:k8s.Models.V1Container.Image">
                <summary>
                Container image name.
                More info: <see cref="T:k8s.Models.V1Pod"/>here.
                </summary>
              </member>
              <member name="M:k8s.Kubernetes.ListPod"><summary>not a model</summary></member>
            </members></doc>
            """;

        var docs = ModelDocs.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal("Container image name. More info: here.", docs["P:k8s.Models.V1Container.Image"]);
        Assert.False(docs.ContainsKey("M:k8s.Kubernetes.ListPod"));
    }

    [Fact]
    public void Parse_MalformedXml_KeepsWhatWasReadWithoutThrowing()
    {
        var xml = "<doc><members><member name=\"T:k8s.Models.V1Pod\"><summary>A pod.</summary></member><member name=";

        var docs = ModelDocs.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal("A pod.", docs["T:k8s.Models.V1Pod"]);
    }

    [Fact]
    public void LoadFrom_MissingFile_IsEmpty() =>
        Assert.Empty(ModelDocs.LoadFrom(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.xml")));

    [Fact]
    public void ForProperty_ReadsTheShippedDocFile()
    {
        var description = ModelDocs.ForProperty(typeof(V1Container).GetProperty(nameof(V1Container.Image))!);

        Assert.NotNull(description);
        Assert.StartsWith("Container image name.", description);
    }
}
