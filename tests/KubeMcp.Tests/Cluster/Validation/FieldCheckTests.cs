using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Validation;
using KubeMcp.Tests.Cluster.Defaulting;
using KubeMcp.Tests.Cluster.OpenApi;

namespace KubeMcp.Tests.Cluster.Validation;

public sealed class FieldCheckTests
{
    private static FieldCheckResult Check(string json, FieldValidation mode = FieldValidation.Strict, ResourceType? type = null) =>
        ObjectValidator.CheckFields(type ?? Resources.Get("Pod"), JsonNode.Parse(json)!.AsObject(), mode);

    [Fact]
    public void UnknownFields_AreReportedWithTheirPaths()
    {
        var result = Check("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","foo":1},"spec":{"containers":[{"name":"c","imagee":"x"}],"bar":true}}""");

        Assert.Equal(["metadata.foo", "spec.containers[0].imagee", "spec.bar"], result.UnknownFields);
        Assert.Equal(400, result.Error!.Code);
        Assert.Equal("strict decoding error: unknown field \"metadata.foo\", unknown field \"spec.containers[0].imagee\", unknown field \"spec.bar\"",
            result.Error.Message);
    }

    [Fact]
    public void WarnAndIgnore_DoNotReject()
    {
        var warn = Check("""{"spec":{"foo":1}}""", FieldValidation.Warn);
        Assert.Null(warn.Error);
        Assert.Equal(["unknown field \"spec.foo\""], warn.Warnings);

        var ignore = Check("""{"spec":{"foo":1}}""", FieldValidation.Ignore);
        Assert.Null(ignore.Error);
        Assert.Empty(ignore.Warnings);
        ignore.ThrowIfRejected();
    }

    [Fact]
    public void FieldNames_AreCaseSensitive() =>
        Assert.Equal(["spec.containers[0].Image"], Check("""{"spec":{"containers":[{"name":"c","Image":"x"}]}}""").UnknownFields);

    [Theory]
    [InlineData("""{"spec":{"containers":[{"name":"c","ports":[{"containerPort":"80"}]}]}}""",
        "json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32")]
    [InlineData("""{"spec":"x"}""", "json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec")]
    [InlineData("""{"metadata":{"labels":{"a":1}}}""", "json: cannot unmarshal number 1 into Go struct field ObjectMeta.metadata.labels of type string")]
    [InlineData("""{"spec":{"containers":{"name":"c"}}}""", "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container")]
    [InlineData("""{"spec":{"containers":["c"]}}""", "json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container")]
    [InlineData("""{"spec":{"hostNetwork":"yes"}}""", "json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool")]
    [InlineData("""{"spec":{"terminationGracePeriodSeconds":1.5}}""", "json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64")]
    [InlineData("""{"spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":"lots"}}}]}}""",
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    public void WrongTypes_AreDecodeErrorsInEveryMode(string json, string expected)
    {
        var result = Check(json, FieldValidation.Ignore);

        Assert.Equal($"Pod in version \"v1\" cannot be handled as a Pod: {expected}", result.DecodeError);
        Assert.Equal(400, result.Error!.Code);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void SecretData_MustBeBase64()
    {
        var result = Check("""{"data":{"k":"not base64!"}}""", type: Resources.Get("Secret"));

        Assert.Equal("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3", result.DecodeError);
        Assert.Null(Check("""{"data":{"k":"aGVsbG8="}}""", type: Resources.Get("Secret")).Error);
    }

    [Fact]
    public void IntOrStringAndNulls_AreAccepted()
    {
        var deployment = Resources.Get("Deployment", "apps");
        Assert.Null(Check("""{"spec":{"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}},"replicas":null}}""", type: deployment).Error);
        Assert.NotNull(Check("""{"spec":{"strategy":{"rollingUpdate":{"maxSurge":true}}}}""", type: deployment).DecodeError);
    }

    [Fact]
    public void RemoveUnknownFields_Prunes()
    {
        var obj = JsonNode.Parse("""{"metadata":{"name":"p","foo":1},"spec":{"containers":[{"name":"c","imagee":"x"}]}}""")!.AsObject();

        ObjectValidator.RemoveUnknownFields(Resources.Get("Pod"), obj);

        Assert.Equal("""{"metadata":{"name":"p"},"spec":{"containers":[{"name":"c"}]}}""", obj.ToJsonString());
    }

    [Fact]
    public void CustomResources_UseTheirSchema_AndPreserveUnknownWhereAllowed()
    {
        var type = OpenApiDocumentsTests.CronTabs("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"cronSpec":{"type":"string"},
              "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
              "tags":{"type":"object","additionalProperties":{"type":"string"}}}}}}
            """);
        var json = """{"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"x","bogus":1},"spec":{"cronSpec":"*","extra":{"any":{"thing":1}},"tags":{"a":"b"},"nope":1},"status":{}}""";

        var result = ObjectValidator.CheckFields(type, JsonNode.Parse(json)!.AsObject(), FieldValidation.Strict);

        Assert.Equal(["metadata.bogus", "spec.nope", "status"], result.UnknownFields);
        Assert.Null(result.DecodeError);
    }

    [Theory]
    [InlineData(null, FieldValidation.Warn)]
    [InlineData("", FieldValidation.Warn)]
    [InlineData("Strict", FieldValidation.Strict)]
    [InlineData("Ignore", FieldValidation.Ignore)]
    public void FieldValidationParameter_Parses(string? value, FieldValidation expected) =>
        Assert.Equal(expected, FieldValidationParser.Parse(value));

    [Theory]
    [InlineData("strict")]
    [InlineData("Always")]
    public void FieldValidationParameter_RejectsUnknownValues(string value) =>
        Assert.Equal(400, Assert.Throws<ApiException>(() => FieldValidationParser.Parse(value)).Code);
}
