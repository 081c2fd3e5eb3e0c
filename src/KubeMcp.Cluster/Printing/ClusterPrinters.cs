using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Printers for policy, scheduling, RBAC bindings, leases, certificate requests and API priority and fairness.
/// </summary>
internal static class ClusterPrinters
{
    public static IEnumerable<((string Group, string Kind) Key, ResourcePrinter Printer)> All() =>
    [
        (("policy", "PodDisruptionBudget"), PodDisruptionBudget()),
        (("scheduling.k8s.io", "PriorityClass"), PriorityClass()),
        (("node.k8s.io", "RuntimeClass"), CorePrinters.Simple(
            TableColumn.Str("Handler", "The CRI handler that runs pods of this class."), rc => rc.Text("handler"))),
        (("coordination.k8s.io", "Lease"), CorePrinters.Simple(
            TableColumn.Str("Holder", "Identity of the lease holder."), lease => lease.Text("spec", "holderIdentity"))),
        (("rbac.authorization.k8s.io", "RoleBinding"), Binding()),
        (("rbac.authorization.k8s.io", "ClusterRoleBinding"), Binding()),
        (("certificates.k8s.io", "CertificateSigningRequest"), CertificateSigningRequest()),
        (("flowcontrol.apiserver.k8s.io", "FlowSchema"), FlowSchema()),
        (("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"), PriorityLevelConfiguration()),
    ];

    private static ResourcePrinter PodDisruptionBudget() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Min Available", "Pods that must stay available."),
            TableColumn.Str("Max Unavailable", "Pods that may be unavailable."),
            TableColumn.Int("Allowed Disruptions", "Pods that may be disrupted right now."),
            TableColumn.Age,
        ],
        (pdb, now) =>
        [
            pdb.Text("metadata", "name"),
            pdb.IntOrString("spec", "minAvailable") ?? "N/A",
            pdb.IntOrString("spec", "maxUnavailable") ?? "N/A",
            pdb.Long("status", "disruptionsAllowed") ?? 0,
            Timestamps.Age(pdb, now),
        ]);

    private static ResourcePrinter PriorityClass() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Int("Value", "Priority of pods that use the class."),
            TableColumn.Boolean("Global-Default", "Whether pods without a class get this one."),
            TableColumn.Age,
            TableColumn.Str("PreemptionPolicy", "Whether pods of the class may preempt lower-priority pods."),
        ],
        (pc, now) =>
        [
            pc.Text("metadata", "name"),
            pc.Long("value") ?? 0,
            pc.Bool("globalDefault") ?? false,
            Timestamps.Age(pc, now),
            pc.Text("preemptionPolicy"),
        ]);

    private static ResourcePrinter Binding() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Role", "The role granted, as kind/name."),
            TableColumn.Age,
            TableColumn.Str("Users", "Users bound.", 1),
            TableColumn.Str("Groups", "Groups bound.", 1),
            TableColumn.Str("ServiceAccounts", "Service accounts bound, as namespace/name.", 1),
        ],
        (binding, now) =>
        {
            var subjects = binding.Objects("subjects");
            string Names(string kind, Func<JsonObject, string> format) =>
                string.Join(", ", subjects.Where(s => s.Text("kind") == kind).Select(format));
            return
            [
                binding.Text("metadata", "name"),
                $"{binding.Text("roleRef", "kind")}/{binding.Text("roleRef", "name")}",
                Timestamps.Age(binding, now),
                Names("User", s => s.Text("name")),
                Names("Group", s => s.Text("name")),
                Names("ServiceAccount", s => $"{s.Text("namespace")}/{s.Text("name")}"),
            ];
        });

    private static ResourcePrinter CertificateSigningRequest() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Age,
            TableColumn.Str("SignerName", "The signer asked to sign the request."),
            TableColumn.Str("Requestor", "The user who created the request."),
            TableColumn.Str("RequestedDuration", "Validity the requestor asked for."),
            TableColumn.Str("Condition", "Approval state: Approved, Denied or Pending, then Failed and Issued."),
        ],
        (csr, now) =>
        {
            var spec = csr["spec"];
            var seconds = spec.Long("expirationSeconds");
            return
            [
                csr.Text("metadata", "name"),
                Timestamps.Age(csr, now),
                spec.Str("signerName") is { Length: > 0 } signer ? signer : LabelText.None,
                spec.Text("username"),
                seconds is { } s ? HumanDuration.Format(TimeSpan.FromSeconds(s)) : LabelText.None,
                CsrCondition(csr),
            ];
        });

    private static string CsrCondition(JsonObject csr)
    {
        var types = csr.Objects("status", "conditions").Select(c => c.Text("type")).ToHashSet();
        var status = types.Contains("Denied") ? "Denied" : types.Contains("Approved") ? "Approved" : "Pending";
        if (types.Contains("Failed"))
        {
            status += ",Failed";
        }
        if (csr.Str("status", "certificate") is { Length: > 0 })
        {
            status += ",Issued";
        }
        return status;
    }

    private static ResourcePrinter FlowSchema() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("PriorityLevel", "Priority level the matched requests go to."),
            TableColumn.Str("MatchingPrecedence", "Lower values are matched first."),
            TableColumn.Str("DistinguisherMethod", "How requests are divided into flows."),
            TableColumn.Age,
            TableColumn.Str("MissingPL", "Whether the priority level referenced does not exist."),
        ],
        (fs, now) =>
        [
            fs.Text("metadata", "name"),
            fs.Text("spec", "priorityLevelConfiguration", "name"),
            fs.Long("spec", "matchingPrecedence") ?? 0,
            fs.Str("spec", "distinguisherMethod", "type") ?? LabelText.None,
            Timestamps.Age(fs, now),
            fs.Objects("status", "conditions").FirstOrDefault(c => c.Text("type") == "Dangling")?.Text("status") ?? "?",
        ]);

    private static ResourcePrinter PriorityLevelConfiguration() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Type", "Exempt or Limited."),
            TableColumn.Str("NominalConcurrencyShares", "Share of the server's concurrency."),
            TableColumn.Str("Queues", "Number of queues."),
            TableColumn.Str("HandSize", "Queues a flow is shuffle-sharded to."),
            TableColumn.Str("QueueLengthLimit", "Requests a queue may hold."),
            TableColumn.Age,
        ],
        (pl, now) =>
        {
            JsonNode? shares = LabelText.None, queues = LabelText.None, handSize = LabelText.None, queueLength = LabelText.None;
            if (pl.Obj("spec", "limited") is { } limited)
            {
                shares = limited.Long("nominalConcurrencyShares") ?? 0;
                if (limited.Obj("limitResponse", "queuing") is { } queuing)
                {
                    queues = queuing.Long("queues") ?? 0;
                    handSize = queuing.Long("handSize") ?? 0;
                    queueLength = queuing.Long("queueLengthLimit") ?? 0;
                }
            }
            return [pl.Text("metadata", "name"), pl.Text("spec", "type"), shares, queues, handSize, queueLength, Timestamps.Age(pl, now)];
        });
}
