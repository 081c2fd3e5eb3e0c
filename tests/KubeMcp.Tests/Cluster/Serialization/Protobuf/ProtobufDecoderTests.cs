using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization.Protobuf;

namespace KubeMcp.Tests.Cluster.Serialization.Protobuf;

public sealed class ProtobufDecoderTests
{
    [Fact]
    public void Decode_DeploymentAsKubectlEncodesIt_GivesTheJsonShape()
    {
        // Go writes every non-pointer field, zero or not: empty strings, a zero time, empty structs.
        var body = ProtoBytes.Envelope("apps/v1", "Deployment", d => d
            .Message(1, m => m.String(1, "web").String(2, "").String(3, "").Varint(7, 0).Message(8, _ => { }).Entry(11, "app", "web"))
            .Message(2, s => s
                .Varint(1, 0)
                .Message(2, sel => sel.Entry(1, "app", "web"))
                .Message(3, t => t
                    .Message(1, m => m.String(1, "").Entry(11, "app", "web"))
                    .Message(2, p => p.Message(2, c => c.String(1, "nginx").String(2, "nginx").Message(8, _ => { }).String(13, "").Bool(16, false))))
                .Message(4, _ => { })
                .Varint(5, 0))
            .Message(3, _ => { }));

        var result = ProtobufDecoder.Default.Decode(body);

        AssertJson("""
            {
              "apiVersion": "apps/v1", "kind": "Deployment",
              "metadata": { "name": "web", "creationTimestamp": null, "labels": { "app": "web" } },
              "spec": {
                "replicas": 0,
                "selector": { "matchLabels": { "app": "web" } },
                "template": {
                  "metadata": { "labels": { "app": "web" } },
                  "spec": { "containers": [ { "name": "nginx", "image": "nginx", "resources": {} } ] }
                },
                "strategy": {}
              },
              "status": {}
            }
            """, result.Object);
        Assert.Empty(result.UnknownFields);
    }

    [Fact]
    public void Decode_KeepsZeroScalarsGoWouldPrint_AndDropsOmitemptyOnes()
    {
        var body = ProtoBytes.Envelope("v1", "Pod", p => p.Message(2, s => s
            .Message(2, c => c.String(1, "").Message(6, port => port.Varint(2, 0).Varint(3, 0)))
            .Varint(4, 0)       // terminationGracePeriodSeconds: *int64
            .Bool(11, false)    // hostNetwork: bool,omitempty
            .Bool(21, false)    // automountServiceAccountToken: *bool
            .String(8, "")));   // serviceAccountName: string,omitempty

        var spec = ProtobufDecoder.Default.Decode(body).Object["spec"];

        AssertJson("""
            {
              "containers": [ { "name": "", "ports": [ { "containerPort": 0 } ] } ],
              "terminationGracePeriodSeconds": 0,
              "automountServiceAccountToken": false
            }
            """, spec);
    }

    [Fact]
    public void Decode_SecretData_IsBase64AndStringDataStaysText()
    {
        var body = ProtoBytes.Envelope("v1", "Secret", s => s
            .Message(1, m => m.String(1, "creds"))
            .Message(2, e => e.String(1, "password").Bytes(2, [0x00, 0xFF, (byte)'a']))
            .Entry(4, "user", "admin")
            .String(3, "Opaque"));

        AssertJson("""
            { "apiVersion": "v1", "kind": "Secret", "metadata": { "name": "creds" },
              "data": { "password": "AP9h" }, "stringData": { "user": "admin" }, "type": "Opaque" }
            """, ProtobufDecoder.Default.Decode(body).Object);
    }

    [Fact]
    public void Decode_IntOrString_BecomesNumberOrString()
    {
        var body = ProtoBytes.Envelope("v1", "Service", s => s.Message(2, spec => spec
            .Message(1, p => p.Varint(3, 80).Message(4, t => t.Varint(1, 0).Varint(2, 8080)))
            .Message(1, p => p.Varint(3, 443).Message(4, t => t.Varint(1, 1).String(3, "https")))));

        var ports = ProtobufDecoder.Default.Decode(body).Object["spec"]!["ports"]!;

        AssertJson("""[ { "port": 80, "targetPort": 8080 }, { "port": 443, "targetPort": "https" } ]""", ports);
    }

    [Fact]
    public void Decode_QuantitiesAndTimes_UseTheirJsonForms()
    {
        var body = ProtoBytes.Envelope("v1", "ResourceQuota", q => q
            .Message(1, m => m.Message(8, t => t.Varint(1, 1_700_000_000).Varint(2, 999)).Message(9, _ => { }))
            .Message(2, s => s
                .Entry(1, "cpu", v => v.String(1, "500m"))
                .Entry(1, "pods", _ => { })));

        var obj = ProtobufDecoder.Default.Decode(body).Object;

        Assert.Equal("2023-11-14T22:13:20Z", obj["metadata"]!["creationTimestamp"]!.GetValue<string>());
        Assert.True(obj["metadata"]!.AsObject().ContainsKey("deletionTimestamp"));
        Assert.Null(obj["metadata"]!["deletionTimestamp"]);
        AssertJson("""{ "cpu": "500m", "pods": "0" }""", obj["spec"]!["hard"]);
    }

    [Fact]
    public void Decode_InlineStructs_LandInTheEnclosingObject()
    {
        var body = ProtoBytes.Envelope("v1", "Pod", p => p.Message(2, s => s
            .Message(1, v => v.String(1, "cache").Message(2, src => src.Message(2, e => e.String(1, "Memory"))))
            .Message(2, c => c.String(1, "app")
                .Message(10, probe => probe.Message(1, h => h.Message(2, g => g.String(1, "/healthz").Message(2, port => port.Varint(2, 8080)))).Varint(3, 5))
                .Message(7, env => env.String(1, "MODE").Message(3, from => from.Message(3, sel => sel.Message(1, r => r.String(1, "settings")).String(2, "mode")))))));

        var spec = ProtobufDecoder.Default.Decode(body).Object["spec"]!;

        AssertJson("""[ { "name": "cache", "emptyDir": { "medium": "Memory" } } ]""", spec["volumes"]);
        AssertJson("""{ "httpGet": { "path": "/healthz", "port": 8080 }, "timeoutSeconds": 5 }""", spec["containers"]![0]!["livenessProbe"]);
        AssertJson("""{ "configMapKeyRef": { "name": "settings", "key": "mode" } }""", spec["containers"]![0]!["env"]![0]!["valueFrom"]);
    }

    [Fact]
    public void Decode_RepeatedScalars_AcceptPackedAndUnpackedEncodings()
    {
        var packed = new ProtoBytes().RawVarint(1000).RawVarint(2000).ToArray();
        var body = ProtoBytes.Envelope("v1", "Pod", p => p.Message(2, s => s.Message(14, sc => sc
            .Bytes(4, packed)
            .Varint(4, 3000))));

        AssertJson("""[1000, 2000, 3000]""", ProtobufDecoder.Default.Decode(body).Object["spec"]!["securityContext"]!["supplementalGroups"]);
    }

    [Fact]
    public void Decode_ListWrapperMessages_BecomeBareLists()
    {
        var body = ProtoBytes.Envelope("authorization.k8s.io/v1", "SubjectAccessReview", r => r.Message(2, s => s
            .String(3, "bob")
            .Entry(5, "scopes", v => v.String(1, "read").String(1, "write"))));

        AssertJson("""{ "user": "bob", "extra": { "scopes": ["read", "write"] } }""", ProtobufDecoder.Default.Decode(body).Object["spec"]);
    }

    [Fact]
    public void Decode_RawJsonFields_EmbedTheJson()
    {
        var body = ProtoBytes.Envelope("v1", "ConfigMap", c => c.Message(1, m => m
            .Message(17, f => f.String(1, "kubectl").String(6, "FieldsV1").Message(7, raw => raw.String(1, """{"f:data":{}}""")))));

        AssertJson("""[ { "manager": "kubectl", "fieldsType": "FieldsV1", "fieldsV1": { "f:data": {} } } ]""",
            ProtobufDecoder.Default.Decode(body).Object["metadata"]!["managedFields"]);
    }

    [Fact]
    public void Decode_RepeatedMessageField_MergesLikeProtobuf()
    {
        var body = ProtoBytes.Envelope("v1", "Namespace", n => n
            .Message(1, m => m.String(1, "first"))
            .Message(1, m => m.Entry(11, "team", "a")));

        AssertJson("""{ "name": "first", "labels": { "team": "a" } }""", ProtobufDecoder.Default.Decode(body).Object["metadata"]);
    }

    [Fact]
    public void Decode_UnknownFields_AreSkippedAndReportedByPath()
    {
        var body = ProtoBytes.Envelope("v1", "ConfigMap", c => c
            .Message(1, m => m.String(1, "cm").Varint(99, 7))
            .Entry(2, "a", "b")
            .Raw(0xF9, 0x01).Raw(1, 2, 3, 4, 5, 6, 7, 8)); // field 31, fixed64

        var result = ProtobufDecoder.Default.Decode(body);

        AssertJson("""{ "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": "cm" }, "data": { "a": "b" } }""", result.Object);
        Assert.Equal(["metadata.#99", "#31"], result.UnknownFields);
    }

    [Fact]
    public void Decode_ManyUnknownFields_ListsOnlyTheFirstFew()
    {
        var body = ProtoBytes.Envelope("v1", "ConfigMap", c =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                c.Varint(100, i);
            }
        });

        var unknown = ProtobufDecoder.Default.Decode(body).UnknownFields;

        Assert.InRange(unknown.Count, 2, 40);
        Assert.Equal("#100", unknown[0]);
        Assert.Equal("…", unknown[^1]);
    }

    [Fact]
    public void Decode_OptionsKinds_AreFoundFromAnyGroupVersion()
    {
        var body = ProtoBytes.Envelope("policy/v1", "Eviction", e => e
            .Message(1, m => m.String(1, "web-1").String(3, "default"))
            .Message(2, o => o.Varint(1, 0).Message(2, p => p.String(1, "uid-1")).String(4, "Foreground").String(5, "All")));
        var options = ProtoBytes.Envelope("apps/v1", "DeleteOptions", o => o.Varint(1, 30));

        AssertJson("""
            { "apiVersion": "policy/v1", "kind": "Eviction", "metadata": { "name": "web-1", "namespace": "default" },
              "deleteOptions": { "gracePeriodSeconds": 0, "preconditions": { "uid": "uid-1" }, "propagationPolicy": "Foreground", "dryRun": ["All"] } }
            """, ProtobufDecoder.Default.Decode(body).Object);
        Assert.Equal(30, ProtobufDecoder.Default.Decode(options).Object["gracePeriodSeconds"]!.GetValue<long>());
    }

    [Fact]
    public void Decode_TokenRequestAsKubectlCreateTokenSendsIt()
    {
        // Captured from `kubectl create token default` (kubectl 1.32).
        var body = Convert.FromHexString(
            "6b3873000a280a1861757468656e7469636174696f6e2e6b38732e696f2f7631120c546f6b656e52657175657374121a0a100a00" +
            "12001a0022002a0032003800420012001a040a0012001a002200");

        AssertJson("""
            { "apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "metadata": { "creationTimestamp": null },
              "spec": {}, "status": { "token": "", "expirationTimestamp": null } }
            """, ProtobufDecoder.Default.Decode(body).Object);
    }

    [Fact]
    public void Decode_SelfSubjectAccessReviewAsKubectlAuthCanISendsIt()
    {
        // Captured from `kubectl auth can-i get pods` (kubectl 1.32).
        var body = Convert.FromHexString(
            "6b3873000a320a17617574686f72697a6174696f6e2e6b38732e696f2f7631121753656c665375626a656374416363657373526576" +
            "696577123c0a100a0012001a0022002a00320038004200121e0a1c0a0764656661756c7412036765741a0022002a04706f6473320" +
            "03a001a08080012001a0020001a002200");

        var result = ProtobufDecoder.Default.Decode(body);

        AssertJson("""{ "resourceAttributes": { "namespace": "default", "verb": "get", "resource": "pods" } }""", result.Object["spec"]);
        AssertJson("""{ "allowed": false }""", result.Object["status"]);
        Assert.Empty(result.UnknownFields);
    }

    [Fact]
    public void Decode_HorizontalPodAutoscalerAsKubectlAutoscaleSendsIt()
    {
        // Captured from `kubectl autoscale deployment web --max=3 --cpu-percent=50` (kubectl 1.32).
        var body = Convert.FromHexString(
            "6b3873000a290a0e6175746f7363616c696e672f76311217486f72697a6f6e74616c506f644175746f7363616c6572123d0a130a03" +
            "77656212001a0022002a0032003800420012200a1a0a0a4465706c6f796d656e7412037765621a07617070732f7631180320321a04" +
            "180020001a002200");

        AssertJson("""
            { "scaleTargetRef": { "kind": "Deployment", "name": "web", "apiVersion": "apps/v1" },
              "maxReplicas": 3, "targetCPUUtilizationPercentage": 50 }
            """, ProtobufDecoder.Default.Decode(body).Object["spec"]);
    }

    internal static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");
}
