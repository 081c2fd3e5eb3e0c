using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Defaulting;
using KubeMcp.Cluster.Validation;
using KubeMcp.Tests.Cluster.Defaulting;

namespace KubeMcp.Tests.Cluster.Validation;

public sealed class ObjectValidatorTests
{
    private const string ValidPod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
         "spec":{"containers":[{"name":"app","image":"nginx","ports":[{"containerPort":80,"name":"http"}]}]}}
        """;

    private static IReadOnlyList<FieldError> Validate(ResourceType type, string json, string? oldJson = null)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        new ObjectDefaulter().Apply(type, obj);
        JsonObject? old = null;
        if (oldJson is not null)
        {
            old = JsonNode.Parse(oldJson)!.AsObject();
            new ObjectDefaulter().Apply(type, old);
        }
        return ObjectValidator.Validate(type, obj, old);
    }

    private static string[] Texts(IReadOnlyList<FieldError> errors) => [.. errors.Select(e => e.ToString())];

    [Fact]
    public void ValidPod_HasNoErrors() => Assert.Empty(Validate(Resources.Get("Pod"), ValidPod));

    [Fact]
    public void Pod_WithoutContainers_RequiresThem() =>
        Assert.Equal(["spec.containers: Required value"], Texts(Validate(Resources.Get("Pod"), """{"metadata":{"name":"p","namespace":"d"},"spec":{}}""")));

    [Fact]
    public void Pod_ContainerRules()
    {
        var errors = Texts(Validate(Resources.Get("Pod"), """
            {"metadata":{"name":"p","namespace":"d"},"spec":{"restartPolicy":"Sometimes","containers":[
              {"name":"app","image":"nginx","ports":[{"containerPort":70000}],
               "resources":{"requests":{"cpu":"2"},"limits":{"cpu":"1"}}},
              {"name":"app","image":""},
              {"name":"Bad_Name","image":"x"}]}}
            """));

        Assert.Contains("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"", errors);
        Assert.Contains("spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive", errors);
        Assert.Contains("spec.containers[0].resources.requests[cpu]: Invalid value: \"2\": must be less than or equal to cpu limit of 1", errors);
        Assert.Contains("spec.containers[1].name: Duplicate value: \"app\"", errors);
        Assert.Contains("spec.containers[1].image: Required value", errors);
        Assert.Contains(errors, e => e.StartsWith("spec.containers[2].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_FollowEachKindsRule()
    {
        Assert.Equal(
            "metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, " +
            "'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
            "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            Texts(Validate(Resources.Get("ConfigMap"), """{"metadata":{"name":"Web_1","namespace":"d"}}""")).Single());
        Assert.Contains(Texts(Validate(Resources.Get("Namespace"), """{"metadata":{"name":"team.a"}}""")),
            e => e.StartsWith("metadata.name: Invalid value: \"team.a\": a lowercase RFC 1123 label", StringComparison.Ordinal));
        Assert.Contains(Texts(Validate(Resources.Get("Service"), """{"metadata":{"name":"1svc","namespace":"d"},"spec":{"ports":[{"port":80}]}}""")),
            e => e.StartsWith("metadata.name: Invalid value: \"1svc\": a DNS-1035 label", StringComparison.Ordinal));
        Assert.Empty(Validate(Resources.Get("ClusterRole", "rbac.authorization.k8s.io"), """{"metadata":{"name":"system:aggregate-to-view"}}"""));
        Assert.Equal(["metadata.name: Invalid value: \"a/b\": may not contain '/'"],
            Texts(Validate(Resources.Get("ClusterRole", "rbac.authorization.k8s.io"), """{"metadata":{"name":"a/b"}}""")));
    }

    [Fact]
    public void NameOrGenerateName_IsRequired_AndGenerateNameMayEndWithADash()
    {
        Assert.Equal(["metadata.name: Required value: name or generateName is required"],
            Texts(Validate(Resources.Get("ConfigMap"), """{"metadata":{"namespace":"d"}}""")));
        Assert.Empty(Validate(Resources.Get("ConfigMap"), """{"metadata":{"generateName":"cm-","namespace":"d"}}"""));
        Assert.Equal(["metadata.namespace: Required value"], Texts(Validate(Resources.Get("ConfigMap"), """{"metadata":{"name":"x"}}""")));
        Assert.Equal(["metadata.namespace: Forbidden: not allowed on this type"],
            Texts(Validate(Resources.Get("Namespace"), """{"metadata":{"name":"x","namespace":"y"}}""")));
    }

    [Fact]
    public void LabelsAndAnnotations_AreChecked()
    {
        var errors = Texts(Validate(Resources.Get("ConfigMap"),
            """{"metadata":{"name":"x","namespace":"d","labels":{"bad key":"ok","ok":"bad value!"},"annotations":{"a/b/c":"x"}}}"""));

        Assert.Contains(errors, e => e.StartsWith("metadata.labels: Invalid value: \"bad key\": name part must consist of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("metadata.labels: Invalid value: \"bad value!\": a valid label must be an empty string", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("metadata.annotations: Invalid value: \"a/b/c\": a qualified name", StringComparison.Ordinal));
    }

    [Fact]
    public void Deployment_SelectorMustMatchTemplate()
    {
        var errors = Texts(Validate(Resources.Get("Deployment", "apps"), """
            {"metadata":{"name":"d","namespace":"n"},"spec":{"replicas":-1,"selector":{"matchLabels":{"app":"api"}},
             "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"x"}]}}}}
            """));

        Assert.Contains("spec.replicas: Invalid value: -1: must be greater than or equal to 0", errors);
        Assert.Contains("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`", errors);
    }

    [Fact]
    public void Deployment_WithoutSelector_AndWithNeverRestart()
    {
        var errors = Texts(Validate(Resources.Get("Deployment", "apps"), """
            {"metadata":{"name":"d","namespace":"n"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"x"}]}}}}
            """));

        Assert.Contains("spec.selector: Required value", errors);
        Assert.Contains("spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"", errors);
    }

    [Fact]
    public void Service_PortsAndTypes()
    {
        Assert.Equal(["spec.ports: Required value"], Texts(Validate(Resources.Get("Service"), """{"metadata":{"name":"s","namespace":"n"},"spec":{}}""")));
        Assert.Empty(Validate(Resources.Get("Service"), """{"metadata":{"name":"s","namespace":"n"},"spec":{"clusterIP":"None"}}"""));
        Assert.Equal(["spec.externalName: Required value"],
            Texts(Validate(Resources.Get("Service"), """{"metadata":{"name":"s","namespace":"n"},"spec":{"type":"ExternalName"}}""")));
        var errors = Texts(Validate(Resources.Get("Service"),
            """{"metadata":{"name":"s","namespace":"n"},"spec":{"type":"Bogus","ports":[{"port":0},{"name":"b","port":80,"targetPort":70000}]}}"""));
        Assert.Contains("spec.type: Unsupported value: \"Bogus\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"", errors);
        Assert.Contains("spec.ports[0].name: Required value", errors);
        Assert.Contains("spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive", errors);
        Assert.Contains("spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive", errors);
    }

    [Fact]
    public void ConfigMapAndSecret_KeysAndTypes()
    {
        Assert.Contains(Texts(Validate(Resources.Get("ConfigMap"), """{"metadata":{"name":"c","namespace":"n"},"data":{"bad key":"v"}}""")),
            e => e.StartsWith("data[bad key]: Invalid value: \"bad key\": a valid config key must consist of", StringComparison.Ordinal));
        Assert.Equal(["data[tls.crt]: Required value", "data[tls.key]: Required value"],
            Texts(Validate(Resources.Get("Secret"), """{"metadata":{"name":"s","namespace":"n"},"type":"kubernetes.io/tls"}""")));
    }

    [Fact]
    public void Job_RestartPolicy_MustBeOnFailureOrNever()
    {
        var errors = Texts(Validate(Resources.Get("Job", "batch"),
            """{"metadata":{"name":"j","namespace":"n","uid":"u"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"x"}]}}}}"""));

        Assert.Equal(["spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""], errors);
    }

    [Fact]
    public void CronJob_ScheduleSyntax()
    {
        var errors = Texts(Validate(Resources.Get("CronJob", "batch"), """
            {"metadata":{"name":"c","namespace":"n"},"spec":{"schedule":"61 * * * *",
             "jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"c","image":"x"}]}}}}}}
            """));

        Assert.Equal(["spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"], errors);
    }

    [Fact]
    public void PodUpdate_AllowsImageChangesOnly()
    {
        // Both tags default imagePullPolicy to IfNotPresent; only the image differs.
        var old = ValidPod.Replace("\"image\":\"nginx\"", "\"image\":\"nginx:1.27\"", StringComparison.Ordinal);
        var changedImage = ValidPod.Replace("\"image\":\"nginx\"", "\"image\":\"nginx:1.28\"", StringComparison.Ordinal);
        Assert.Empty(Validate(Resources.Get("Pod"), changedImage, old));

        var changedPort = ValidPod.Replace("80", "8080", StringComparison.Ordinal);
        var error = Assert.Single(Validate(Resources.Get("Pod"), changedPort, ValidPod));
        Assert.Equal("spec", error.Field);
        Assert.StartsWith("Forbidden: pod updates may not change fields other than `spec.containers[*].image`", error.Message);
    }

    [Fact]
    public void Updates_KeepImmutableFields()
    {
        const string Deployment = """
            {"metadata":{"name":"d","namespace":"n"},"spec":{"selector":{"matchLabels":{"app":"SEL"}},
             "template":{"metadata":{"labels":{"app":"SEL"}},"spec":{"containers":[{"name":"c","image":"x"}]}}}}
            """;
        Assert.Contains(
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"b\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable",
            Texts(Validate(Resources.Get("Deployment", "apps"), Deployment.Replace("SEL", "b", StringComparison.Ordinal), Deployment.Replace("SEL", "a", StringComparison.Ordinal))));
        Assert.Equal(["metadata.name: Invalid value: \"b\": field is immutable"],
            Texts(Validate(Resources.Get("Namespace"), """{"metadata":{"name":"b"}}""", """{"metadata":{"name":"a"}}""")));
        Assert.Equal(["type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable"],
            Texts(Validate(Resources.Get("Secret"), """{"metadata":{"name":"s","namespace":"n"},"type":"kubernetes.io/basic-auth"}""",
                """{"metadata":{"name":"s","namespace":"n"}}""")));
        Assert.Equal(["data: Forbidden: field is immutable when `immutable` is set"],
            Texts(Validate(Resources.Get("ConfigMap"), """{"metadata":{"name":"c","namespace":"n"},"immutable":true,"data":{"a":"2"}}""",
                """{"metadata":{"name":"c","namespace":"n"},"immutable":true,"data":{"a":"1"}}""")));
    }

    [Fact]
    public void CustomResource_IsValidatedAgainstItsSchema()
    {
        var type = KubeMcp.Tests.Cluster.OpenApi.OpenApiDocumentsTests.CronTabs("""
            {"type":"object","required":["spec"],"properties":{"spec":{"type":"object","required":["cronSpec"],"properties":{
              "cronSpec":{"type":"string","pattern":"^\\S+( \\S+){4}$"},"replicas":{"type":"integer","minimum":0,"maximum":10},
              "mode":{"type":"string","enum":["a","b"]}}}}}
            """);

        Assert.Equal(["spec: Required value"], Texts(Validate(type, """{"metadata":{"name":"x","namespace":"n"}}""")));
        var errors = Texts(Validate(type, """{"metadata":{"name":"x","namespace":"n"},"spec":{"replicas":"three","mode":"c"}}"""));
        Assert.Contains("spec.cronSpec: Required value", errors);
        Assert.Contains("spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"", errors);
        Assert.Contains("spec.mode: Unsupported value: \"c\": supported values: \"a\", \"b\"", errors);
        Assert.Contains("spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10",
            Texts(Validate(type, """{"metadata":{"name":"x","namespace":"n"},"spec":{"cronSpec":"* * * * *","replicas":11}}""")));
    }

    [Theory]
    [InlineData("""{"metadata":"x","spec":5}""")]
    [InlineData("""{"metadata":{"name":7,"labels":[1]},"spec":{"containers":{"a":1}}}""")]
    [InlineData("""{"spec":{"containers":[null,3,{"ports":"x","resources":{"limits":[]}}],"volumes":{}}}""")]
    public void MalformedObjects_ProduceErrorsNotExceptions(string json) =>
        Assert.NotEmpty(ObjectValidator.Validate(Resources.Get("Pod"), JsonNode.Parse(json)!.AsObject(), null));

    [Fact]
    public void ThrowIfInvalid_Raises422WithCauses()
    {
        var error = Assert.Throws<ApiException>(() =>
            ObjectValidator.ThrowIfInvalid(Resources.Get("Deployment", "apps"), JsonNode.Parse("""{"metadata":{"name":"d","namespace":"n"}}""")!.AsObject(), null));

        Assert.Equal(422, error.Code);
        Assert.Equal("apps", error.Details!["group"]!.GetValue<string>());
        Assert.Contains("spec.selector: Required value", error.Message);
    }

    [Fact]
    public void StatefulSet_ContainersMayMountVolumeClaimTemplatesByName()
    {
        const string set = """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","namespace":"default"},
             "spec":{"serviceName":"db","selector":{"matchLabels":{"app":"db"}},
              "template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"pg","image":"postgres",
                "volumeMounts":[{"name":"data","mountPath":"/data"},{"name":"other","mountPath":"/other"}]}]}},
              "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}}
            """;
        Assert.Equal(["spec.template.spec.containers[0].volumeMounts[1].name: Not found: \"other\""],
            Texts(Validate(Resources.Get("StatefulSet", "apps"), set)));
    }
}
