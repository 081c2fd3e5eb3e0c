using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Workloads;

/// <summary>
/// The history StatefulSets and DaemonSets keep as ControllerRevisions: one per distinct pod template, named
/// <c>&lt;owner&gt;-&lt;hash&gt;</c>, whose <c>data</c> is the patch <c>kubectl rollout undo</c> applies.
/// </summary>
internal static class ControllerRevisions
{
    /// <summary>The pod label naming the revision a pod was made from.</summary>
    public const string PodLabel = "controller-revision-hash";

    private const string HashLabel = "controller.kubernetes.io/hash";

    public static List<JsonObject> Owned(ControllerContext context, JsonObject owner) =>
        context.Controlled(context.Type("apps", "controllerrevisions"), owner)
            .OrderBy(Number)
            .ToList();

    public static long Number(JsonObject revision) => revision.Int("revision") ?? 0;

    /// <summary>The template hash a revision was named by.</summary>
    public static string Hash(JsonObject revision) =>
        revision.Labels()?[HashLabel]?.ToString() ?? revision.Name()[(revision.Name().LastIndexOf('-') + 1)..];

    /// <summary>The pod template a revision records.</summary>
    public static JsonObject TemplateOf(JsonObject revision)
    {
        var template = revision.At("data.spec.template")?.DeepClone() as JsonObject ?? new JsonObject();
        template.Remove("$patch");
        return template;
    }

    /// <summary>
    /// The revision for the owner's current template: an existing one with the same data (renumbered to the newest
    /// when it is an older one coming back, as on a rollback) or a new one.
    /// </summary>
    public static JsonObject Ensure(ControllerContext context, JsonObject owner, List<JsonObject> revisions)
    {
        var type = context.Type("apps", "controllerrevisions");
        var data = Data(owner);
        var max = revisions.Count == 0 ? 0 : revisions.Max(Number);
        var equal = revisions.LastOrDefault(r => JsonNode.DeepEquals(r["data"], data));
        if (equal is not null)
        {
            if (Number(equal) == max)
            {
                return equal;
            }
            var next = equal.DeepClone().AsObject();
            next["revision"] = max + 1;
            var renumbered = context.Registry.Update(type, owner.Namespace(), equal.Name(), next, ControllerContext.ControllerWrite);
            revisions.Remove(equal);
            revisions.Add(renumbered);
            return renumbered;
        }
        for (var collisions = owner.Int("status.collisionCount") ?? 0; ; collisions++)
        {
            var hash = PodTemplates.Hash(data, collisions);
            var name = $"{owner.Name()}-{hash}";
            if (context.Registry.TryGet(type, owner.Namespace(), name) is not null)
            {
                continue;
            }
            var labels = owner.At("spec.template.metadata.labels")?.DeepClone() as JsonObject ?? new JsonObject();
            labels[HashLabel] = hash;
            var created = context.Registry.Create(type, owner.Namespace(), new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "ControllerRevision",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = owner.Namespace(),
                    ["labels"] = labels,
                    ["ownerReferences"] = new JsonArray(ControllerRefs.For(owner)),
                },
                ["data"] = data,
                ["revision"] = max + 1,
            }, ControllerContext.ControllerWrite);
            revisions.Add(created);
            return created;
        }
    }

    /// <summary>Deletes the oldest revisions beyond the history limit that no pod and no status still names.</summary>
    public static void Prune(ControllerContext context, JsonObject owner, List<JsonObject> revisions, IReadOnlySet<string> live)
    {
        var limit = (int)(owner.Int("spec.revisionHistoryLimit") ?? 10);
        var idle = revisions.Where(r => !live.Contains(r.Name())).OrderBy(Number).ToList();
        var type = context.Type("apps", "controllerrevisions");
        foreach (var revision in idle.Take(Math.Max(0, idle.Count - limit)))
        {
            try
            {
                context.Registry.Delete(type, owner.Namespace(), revision.Name(), DeleteOptions.Default);
            }
            catch (ApiException e) when (e.Code == 404)
            {
            }
            revisions.Remove(revision);
        }
    }

    private static JsonObject Data(JsonObject owner)
    {
        var template = owner.At("spec.template")?.DeepClone() as JsonObject ?? new JsonObject();
        template["$patch"] = "replace";
        return new JsonObject { ["spec"] = new JsonObject { ["template"] = template } };
    }
}
