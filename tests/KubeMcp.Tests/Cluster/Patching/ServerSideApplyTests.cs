using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Patching;

namespace KubeMcp.Tests.Cluster.Patching;

public sealed class ServerSideApplyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(1);
    private static readonly DateTimeOffset T2 = T0.AddMinutes(2);

    private static JsonObject Config(int replicas = 2, string image = "nginx:1.25", string? sidecar = null, string labels = """{"app":"web"}""")
    {
        var config = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"default","labels":LABELS},
             "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"web","image":"IMAGE","ports":[{"containerPort":80}]}]}}}}
            """.Replace("LABELS", labels).Replace("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("IMAGE", image))!.AsObject();
        if (sidecar is not null)
        {
            config["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Add(new JsonObject { ["name"] = "sidecar", ["image"] = sidecar });
        }
        return config;
    }

    /// <summary>What the storage layer adds to an object it creates.</summary>
    private static JsonObject Stored(JsonObject obj)
    {
        var stored = (JsonObject)obj.DeepClone();
        stored["metadata"]!["uid"] = "0f6c1c9e-1111-2222-3333-444455556666";
        stored["metadata"]!["resourceVersion"] = "1";
        stored["metadata"]!["creationTimestamp"] = "2025-01-02T03:04:05Z";
        stored["status"] = new JsonObject { ["replicas"] = 2 };
        return stored;
    }

    private static JsonArray Entries(JsonObject obj) => obj["metadata"]!["managedFields"]!.AsArray();

    private static JsonObject Entry(JsonObject obj, string manager, string operation = "Apply") =>
        Entries(obj).Single(e => (string)e!["manager"]! == manager && (string)e["operation"]! == operation)!.AsObject();

    private static JsonObject WithReplicas(JsonObject obj, int replicas)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy["spec"]!["replicas"] = replicas;
        return copy;
    }

    [Fact]
    public void Apply_Create_RecordsTheAppliersFieldsInFieldsV1()
    {
        var created = ServerSideApply.Apply(null, Config(), "kubectl", force: false, T0);

        var entry = Assert.Single(Entries(created))!.AsObject();
        Assert.Equal("kubectl", (string)entry["manager"]!);
        Assert.Equal("Apply", (string)entry["operation"]!);
        Assert.Equal("apps/v1", (string)entry["apiVersion"]!);
        Assert.Equal("2025-01-02T03:04:05Z", (string)entry["time"]!);
        Assert.Equal("FieldsV1", (string)entry["fieldsType"]!);
        Assert.Equal("""
            {"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}
            """.Trim(), JsonValues.Compact(entry["fieldsV1"]));
        Assert.False(entry.ContainsKey("subresource"));
        Assert.Equal(2, (int)created["spec"]!["replicas"]!);
    }

    [Fact]
    public void Apply_Update_MergesContainersByNameAndKeepsFieldsNobodyApplied()
    {
        var live = Stored(ServerSideApply.Apply(null, Config(), "kubectl", false, T0));
        live["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"] = "IfNotPresent";

        var result = ServerSideApply.Apply(live, Config(image: "nginx:1.27"), "kubectl", false, T1);

        var container = result["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:1.27", (string)container["image"]!);
        Assert.Equal("IfNotPresent", (string)container["imagePullPolicy"]!);
        Assert.Equal(2, (int)result["status"]!["replicas"]!);
        Assert.Equal("2025-01-02T03:05:05Z", (string)Entry(result, "kubectl")["time"]!);
        Assert.Equal("1", (string)result["metadata"]!["resourceVersion"]!);
    }

    [Fact]
    public void Apply_Unchanged_KeepsTheEntryTime()
    {
        var live = Stored(ServerSideApply.Apply(null, Config(), "kubectl", false, T0));

        var result = ServerSideApply.Apply(live, Config(), "kubectl", false, T1);

        Assert.Equal("2025-01-02T03:04:05Z", (string)Entry(result, "kubectl")["time"]!);
        Assert.True(JsonNode.DeepEquals(live, result));
    }

    [Fact]
    public void Apply_RemovesFieldsTheApplierNoLongerApplies()
    {
        var live = Stored(ServerSideApply.Apply(null, Config(sidecar: "envoy", labels: """{"app":"web","tier":"front"}"""), "kubectl", false, T0));

        var result = ServerSideApply.Apply(live, Config(), "kubectl", false, T1);

        Assert.Equal(["web"], result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal("""{"app":"web"}""", result["metadata"]!["labels"]!.ToJsonString());
        Assert.DoesNotContain("sidecar", Entry(result, "kubectl")["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void Apply_KeepsDroppedFieldsAnotherManagerOwns()
    {
        var live = Stored(ServerSideApply.Apply(null, Config(labels: """{"app":"web","tier":"front"}"""), "kubectl", false, T0));
        var shared = Stored(ServerSideApply.Apply(live, Config(labels: """{"tier":"front"}"""), "other", false, T1));

        var result = ServerSideApply.Apply(shared, Config(labels: """{"app":"web"}"""), "kubectl", false, T2);

        Assert.Equal("""{"app":"web","tier":"front"}""", result["metadata"]!["labels"]!.ToJsonString());
    }

    [Fact]
    public void Apply_ConflictWithAnUpdater_Is409WithOneCausePerField()
    {
        // kubectl apply --server-side, then kubectl scale, then apply again with the old replica count.
        var applied = Stored(ServerSideApply.Apply(null, Config(replicas: 2), "kubectl", false, T0));
        var scaled = WithReplicas(applied, 5);
        ServerSideApply.RecordUpdate(applied, scaled, "kubectl", "Update", T1, subresource: "scale");

        var error = Assert.Throws<ApiException>(() => ServerSideApply.Apply(scaled, Config(replicas: 2), "kubectl", false, T2));

        Assert.Equal(409, error.Code);
        Assert.Equal("Conflict", error.Reason);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl\" with subresource \"scale\" using apps/v1: .spec.replicas", error.Message);
        var cause = Assert.Single(error.Details!["causes"]!.AsArray())!;
        Assert.Equal("FieldManagerConflict", (string)cause["reason"]!);
        Assert.Equal(".spec.replicas", (string)cause["field"]!);
        Assert.Equal("conflict with \"kubectl\" with subresource \"scale\" using apps/v1", (string)cause["message"]!);
    }

    [Fact]
    public void RecordUpdate_TakesTheChangedFieldFromTheApplier()
    {
        var applied = Stored(ServerSideApply.Apply(null, Config(replicas: 2), "kubectl", false, T0));
        var scaled = WithReplicas(applied, 5);

        ServerSideApply.RecordUpdate(applied, scaled, "kubectl-scale", "Update", T1, subresource: "scale");

        var scale = Entry(scaled, "kubectl-scale", "Update");
        Assert.Equal("scale", (string)scale["subresource"]!);
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", scale["fieldsV1"]!.ToJsonString());
        Assert.DoesNotContain("f:replicas", Entry(scaled, "kubectl")["fieldsV1"]!.ToJsonString());
        Assert.Equal(["Apply", "Update"], Entries(scaled).Select(e => (string)e!["operation"]!));
    }

    [Fact]
    public void Apply_SameValueAsAnotherOwnerSharesTheField()
    {
        var applied = Stored(ServerSideApply.Apply(null, Config(replicas: 2), "kubectl", false, T0));
        var scaled = WithReplicas(applied, 5);
        ServerSideApply.RecordUpdate(applied, scaled, "kubectl-scale", "Update", T1, subresource: "scale");

        var result = ServerSideApply.Apply(scaled, Config(replicas: 5), "kubectl", false, T2);

        Assert.Contains("f:replicas", Entry(result, "kubectl")["fieldsV1"]!.ToJsonString());
        Assert.Contains("f:replicas", Entry(result, "kubectl-scale", "Update")["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void Apply_ForceTakesOwnershipFromTheOtherManager()
    {
        var applied = Stored(ServerSideApply.Apply(null, Config(replicas: 2), "kubectl", false, T0));
        var scaled = WithReplicas(applied, 5);
        ServerSideApply.RecordUpdate(applied, scaled, "kubectl-scale", "Update", T1, subresource: "scale");

        var result = ServerSideApply.Apply(scaled, Config(replicas: 3), "kubectl", force: true, T2);

        Assert.Equal(3, (int)result["spec"]!["replicas"]!);
        var entry = Assert.Single(Entries(result))!;
        Assert.Equal("kubectl", (string)entry["manager"]!);
        Assert.Contains("f:replicas", JsonValues.Compact(entry["fieldsV1"]));
    }

    [Fact]
    public void Apply_ConflictWithClientSideApply_NamesTheManagerAndVersion()
    {
        var created = Config(replicas: 2);
        ServerSideApply.RecordUpdate(null, created, "kubectl-client-side-apply", "Update", T0);
        var live = Stored(created);

        var error = Assert.Throws<ApiException>(() => ServerSideApply.Apply(live, Config(replicas: 3), "deployer", false, T1));

        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas", error.Message);
    }

    [Fact]
    public void Apply_SeveralConflicts_ListsThemByManager()
    {
        var created = Config(replicas: 2);
        ServerSideApply.RecordUpdate(null, created, "kubectl-create", "Update", T0);
        var live = Stored(created);

        var error = Assert.Throws<ApiException>(() => ServerSideApply.Apply(live, Config(replicas: 3, image: "nginx:2"), "deployer", false, T1));

        Assert.Equal("""
            Apply failed with 2 conflicts: conflicts with "kubectl-create" using apps/v1:
            - .spec.replicas
            - .spec.template.spec.containers[name="web"].image
            """.Trim().ReplaceLineEndings("\n"), error.Message);
        Assert.Equal([".spec.replicas", ".spec.template.spec.containers[name=\"web\"].image"],
            error.Details!["causes"]!.AsArray().Select(c => (string)c!["field"]!));
    }

    [Fact]
    public void Apply_KubectlTakesOverFieldsItsClientSideApplySet()
    {
        var created = Config(replicas: 2);
        created["metadata"]!["annotations"] = new JsonObject
        {
            [ServerSideApply.LastAppliedAnnotation] = Config(replicas: 2).ToJsonString(),
        };
        ServerSideApply.RecordUpdate(null, created, "kubectl-client-side-apply", "Update", T0);
        var live = Stored(created);

        var result = ServerSideApply.Apply(live, Config(replicas: 3), "kubectl", false, T1);

        Assert.Equal(3, (int)result["spec"]!["replicas"]!);
        var annotation = (string)result["metadata"]!["annotations"]![ServerSideApply.LastAppliedAnnotation]!;
        Assert.EndsWith("\n", annotation);
        Assert.Equal(3, (int)JsonNode.Parse(annotation)!["spec"]!["replicas"]!);
        Assert.DoesNotContain("f:replicas", Entry(result, "kubectl-client-side-apply", "Update")["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void Apply_KubectlStillConflictsOnFieldsChangedSinceClientSideApply()
    {
        var created = Config(replicas: 2);
        created["metadata"]!["annotations"] = new JsonObject
        {
            [ServerSideApply.LastAppliedAnnotation] = Config(replicas: 2).ToJsonString(),
        };
        ServerSideApply.RecordUpdate(null, created, "kubectl-client-side-apply", "Update", T0);
        var live = Stored(created);
        var edited = WithReplicas(live, 4);
        ServerSideApply.RecordUpdate(live, edited, "kubectl-edit", "Update", T1);

        var error = Assert.Throws<ApiException>(() => ServerSideApply.Apply(edited, Config(replicas: 3), "kubectl", false, T2));

        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas", error.Message);
    }

    [Fact]
    public void Apply_NeverOwnsStatusOrSystemFields()
    {
        var config = Config();
        config["status"] = new JsonObject { ["replicas"] = 9 };
        config["metadata"]!["resourceVersion"] = "7";

        var created = ServerSideApply.Apply(null, config, "kubectl", false, T0);

        var fields = Entry(created, "kubectl")["fieldsV1"]!.AsObject();
        Assert.Equal(["f:metadata", "f:spec"], fields.Select(f => f.Key));
        Assert.Equal(["f:labels"], fields["f:metadata"]!.AsObject().Select(f => f.Key));
        Assert.Equal(9, (int)created["status"]!["replicas"]!);
    }

    [Fact]
    public void Apply_ToTheStatusSubresource_OwnsOnlyStatus()
    {
        var live = Stored(ServerSideApply.Apply(null, Config(), "kubectl", false, T0));
        var status = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
             "status":{"conditions":[{"type":"Available","status":"True"}]}}
            """)!.AsObject();

        var result = ServerSideApply.Apply(live, status, "controller", false, T1, subresource: "status");

        var entry = Entry(result, "controller");
        Assert.Equal("status", (string)entry["subresource"]!);
        Assert.Equal("""{"f:status":{"f:conditions":{"k:{\"type\":\"Available\"}":{".":{},"f:status":{},"f:type":{}}}}}""",
            JsonValues.Compact(entry["fieldsV1"]));
    }

    [Theory]
    [InlineData("""{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web"}}""", 400, "invalid object type: apps/v1, Kind=StatefulSet")]
    [InlineData("""{"apiVersion":"v1","kind":"Deployment","metadata":{"name":"web"}}""", 400, "invalid object type: /v1, Kind=Deployment")]
    [InlineData("""{"metadata":{"name":"web"}}""", 400, "invalid object type: /, Kind=")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","managedFields":[]}}""", 400, "metadata.managedFields must be nil")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}""",
        500, "failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: element 0: associative list with keys has an element that omits key field \"name\" (and doesn't have default value)")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"name":"a"},{"name":"a"}]}}}}""",
        500, "failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: duplicate entries for key [name=\"a\"]")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","finalizers":[{"a":1}]}}""",
        500, "failed to create typed patch object (/web; apps/v1, Kind=Deployment): .metadata.finalizers: element 0: associative list without keys has an element that's a map type")]
    public void Apply_InvalidConfiguration_FailsLikeTheServer(string config, int code, string message)
    {
        var live = Stored(ServerSideApply.Apply(null, Config(), "kubectl", false, T0));

        var error = Assert.Throws<ApiException>(() =>
            ServerSideApply.Apply(live, JsonNode.Parse(config)!.AsObject(), "kubectl", false, T1));

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Apply_WithoutAFieldManager_IsInvalid()
    {
        var error = Assert.Throws<ApiException>(() => ServerSideApply.Apply(null, Config(), "", false, T0));

        Assert.Equal(422, error.Code);
        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch", error.Message);
    }

    [Fact]
    public void RecordUpdate_Create_RecordsAddedFieldsLikeTheServer()
    {
        var created = Config();

        ServerSideApply.RecordUpdate(null, created, "kubectl-create", "Update", T0);

        var entry = Entry(created, "kubectl-create", "Update");
        Assert.Equal("apps/v1", (string)entry["apiVersion"]!);
        Assert.Equal("""
            {"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{".":{},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}
            """.Trim(), JsonValues.Compact(entry["fieldsV1"]));
    }

    [Fact]
    public void RecordUpdate_NoChange_LeavesManagedFieldsAlone()
    {
        var created = Config();
        ServerSideApply.RecordUpdate(null, created, "kubectl-create", "Update", T0);
        var live = Stored(created);
        var same = (JsonObject)live.DeepClone();
        same["metadata"]!["resourceVersion"] = "2";

        ServerSideApply.RecordUpdate(live, same, "kubectl-edit", "Update", T1);

        var entry = Assert.Single(Entries(same))!;
        Assert.Equal("kubectl-create", (string)entry["manager"]!);
        Assert.Equal("2025-01-02T03:04:05Z", (string)entry["time"]!);
    }

    [Fact]
    public void RecordUpdate_StatusChangesOnTheMainResourceAreNotOwned()
    {
        var created = Config();
        ServerSideApply.RecordUpdate(null, created, "kubectl-create", "Update", T0);
        var live = Stored(created);
        var updated = (JsonObject)live.DeepClone();
        updated["status"]!["replicas"] = 3;

        ServerSideApply.RecordUpdate(live, updated, "someone", "Update", T1);

        Assert.DoesNotContain(Entries(updated), e => (string)e!["manager"]! == "someone");
    }

    [Fact]
    public void RecordUpdate_StatusSubresourceOwnsOnlyStatus()
    {
        var created = Config();
        ServerSideApply.RecordUpdate(null, created, "kubectl-create", "Update", T0);
        var live = Stored(created);
        var updated = (JsonObject)live.DeepClone();
        updated["status"]!["readyReplicas"] = 2;

        ServerSideApply.RecordUpdate(live, updated, "kube-controller-manager", "Update", T1, subresource: "status");

        var entry = Entry(updated, "kube-controller-manager", "Update");
        Assert.Equal("status", (string)entry["subresource"]!);
        Assert.Equal("""{"f:status":{"f:readyReplicas":{}}}""", JsonValues.Compact(entry["fieldsV1"]));
    }

    [Fact]
    public void RecordUpdate_RemovedFieldsLeaveEveryManager()
    {
        var live = Stored(ServerSideApply.Apply(null, Config(labels: """{"app":"web","tier":"front"}"""), "kubectl", false, T0));
        var updated = (JsonObject)live.DeepClone();
        updated["metadata"]!["labels"]!.AsObject().Remove("tier");

        ServerSideApply.RecordUpdate(live, updated, "kubectl-label", "Update", T1);

        Assert.DoesNotContain("f:tier", Entry(updated, "kubectl")["fieldsV1"]!.ToJsonString());
        Assert.Single(Entries(updated));
    }

    [Fact]
    public void RecordUpdate_AnEmptyListStripsManagedFields()
    {
        var live = Stored(ServerSideApply.Apply(null, Config(), "kubectl", false, T0));
        var updated = WithReplicas(live, 4);
        updated["metadata"]!["managedFields"] = new JsonArray(new JsonObject());

        ServerSideApply.RecordUpdate(live, updated, "kubectl-replace", "Update", T1);

        Assert.Null(updated["metadata"]!["managedFields"]);
    }

    [Fact]
    public void RecordUpdate_ManagedFieldsSentWithTheObjectAreKept()
    {
        var live = Stored(ServerSideApply.Apply(null, Config(), "kubectl", false, T0));
        var updated = WithReplicas(live, 4);
        updated["metadata"]!["managedFields"]![0]!["manager"] = "renamed";

        ServerSideApply.RecordUpdate(live, updated, "kubectl-edit", "Update", T1);

        Assert.Equal(["renamed", "kubectl-edit"], Entries(updated).Select(e => (string)e!["manager"]!));
    }

    [Fact]
    public void RecordUpdate_KeepsAtMostTenUpdateManagers()
    {
        var created = Config();
        ServerSideApply.RecordUpdate(null, created, "kubectl-create", "Update", T0.AddSeconds(-1));
        var live = Stored(created);
        for (var i = 0; i < 12; i++)
        {
            var updated = (JsonObject)live.DeepClone();
            updated["metadata"]!["labels"]![$"l{i}"] = "x";
            ServerSideApply.RecordUpdate(live, updated, $"writer-{i}", "Update", T0.AddSeconds(i));
            live = updated;
        }

        var managers = Entries(live).Select(e => (string)e!["manager"]!).ToList();
        Assert.Equal(10, managers.Count);
        Assert.Equal("ancient-changes", managers[0]);
        Assert.Contains("writer-11", managers);
        Assert.DoesNotContain("writer-1", managers);
        Assert.DoesNotContain("kubectl-create", managers);
        Assert.Contains("f:l1", Entry(live, "ancient-changes", "Update")["fieldsV1"]!.ToJsonString());
        Assert.Contains("f:replicas", Entry(live, "ancient-changes", "Update")["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void RecordUpdate_ExistingUntrackedObjectStaysUntracked()
    {
        var live = Stored(Config());
        var updated = WithReplicas(live, 3);

        ServerSideApply.RecordUpdate(live, updated, "kubectl-edit", "Update", T1);

        Assert.Null(updated["metadata"]!["managedFields"]);
    }

    [Fact]
    public void Apply_OverAnUntrackedObject_ConflictsWithBeforeFirstApply()
    {
        var live = Stored(Config(replicas: 2));

        var error = Assert.Throws<ApiException>(() => ServerSideApply.Apply(live, Config(replicas: 3), "deployer", false, T1));
        var result = ServerSideApply.Apply(live, Config(replicas: 2), "deployer", false, T1);

        Assert.Equal("Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1: .spec.replicas", error.Message);
        Assert.Equal(["deployer", "before-first-apply"], Entries(result).Select(e => (string)e!["manager"]!));
        var standIn = Entry(result, "before-first-apply", "Update")["fieldsV1"]!.ToJsonString();
        Assert.Contains("f:labels", standIn);
        Assert.DoesNotContain("f:status", standIn);
    }

    [Fact]
    public void RecordUpdate_UnnamedManagerIsUnknown()
    {
        var created = Config();

        ServerSideApply.RecordUpdate(null, created, null, "Update", T0);

        Assert.Equal("unknown", (string)Assert.Single(Entries(created))!["manager"]!);
    }

    [Fact]
    public void Apply_RecordsSetMembersAndKeyedItemsByValue()
    {
        var config = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"c","finalizers":["example.com/a"],
               "ownerReferences":[{"apiVersion":"v1","kind":"Pod","name":"p","uid":"u-1"}]},
             "data":{"k":"v"}}
            """)!.AsObject();

        var created = ServerSideApply.Apply(null, config, "tool", false, T0);

        Assert.Equal("""
            {"f:data":{"f:k":{}},"f:metadata":{"f:finalizers":{"v:\"example.com/a\"":{}},"f:ownerReferences":{"k:{\"uid\":\"u-1\"}":{}}}}
            """.Trim(), JsonValues.Compact(Entry(created, "tool")["fieldsV1"]));
    }

    [Fact]
    public void Apply_CustomResourceListsAreAtomic()
    {
        var widget = JsonNode.Parse("""
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},
             "spec":{"sizes":[1,2],"nested":{"a":{"b":1}}}}
            """)!.AsObject();
        var live = Stored(ServerSideApply.Apply(null, widget, "tool", false, T0));
        var update = (JsonObject)widget.DeepClone();
        update["spec"]!["sizes"] = new JsonArray(3);

        var result = ServerSideApply.Apply(live, update, "tool", false, T1);

        Assert.Equal("[3]", result["spec"]!["sizes"]!.ToJsonString());
        Assert.Equal("""{"f:spec":{"f:nested":{"f:a":{"f:b":{}}},"f:sizes":{}}}""", JsonValues.Compact(Entry(result, "tool")["fieldsV1"]));
    }

    [Theory]
    [InlineData("kubectl/v1.32.0 (linux/amd64) kubernetes/abc", "kubectl")]
    [InlineData("helm/3.16", "helm")]
    [InlineData("Go-http-client/1.1", "Go-http-client")]
    [InlineData(null, "")]
    [InlineData("a\u0001b/1", "ab")]
    public void ManagerFromUserAgent_TakesThePrefixBeforeTheFirstSlash(string? userAgent, string expected)
    {
        Assert.Equal(expected, ServerSideApply.ManagerFromUserAgent(userAgent));
    }
}
