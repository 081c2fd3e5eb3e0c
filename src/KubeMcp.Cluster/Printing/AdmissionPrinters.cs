using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>Printers for admission webhooks and policies, and for aggregated API services.</summary>
internal static class AdmissionPrinters
{
    private const string Group = "admissionregistration.k8s.io";
    private const string Unset = "<unset>";

    public static IEnumerable<((string Group, string Kind) Key, ResourcePrinter Printer)> All() =>
    [
        ((Group, "MutatingWebhookConfiguration"), Webhooks()),
        ((Group, "ValidatingWebhookConfiguration"), Webhooks()),
        ((Group, "ValidatingAdmissionPolicy"), ValidatingAdmissionPolicy()),
        ((Group, "ValidatingAdmissionPolicyBinding"), ValidatingAdmissionPolicyBinding()),
        (("apiregistration.k8s.io", "APIService"), ApiService()),
    ];

    private static ResourcePrinter Webhooks() => CorePrinters.Simple(
        TableColumn.Int("Webhooks", "Number of webhooks in the configuration."), c => (long)c.Count("webhooks"));

    private static ResourcePrinter ValidatingAdmissionPolicy() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Int("Validations", "Number of validation rules."),
            TableColumn.Str("ParamKind", "Kind of the resources that parameterize the policy."),
            TableColumn.Age,
        ],
        (policy, now) =>
        {
            var paramKind = policy.Obj("spec", "paramKind") is { } kind ? $"{kind.Text("apiVersion")}/{kind.Text("kind")}" : Unset;
            return [policy.Text("metadata", "name"), (long)policy.Count("spec", "validations"), paramKind, Timestamps.Age(policy, now)];
        });

    private static ResourcePrinter ValidatingAdmissionPolicyBinding() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("PolicyName", "The policy the binding applies."),
            TableColumn.Str("ParamRef", "The resource that holds the policy's parameters."),
            TableColumn.Age,
        ],
        (binding, now) =>
        [
            binding.Text("metadata", "name"),
            binding.Text("spec", "policyName"),
            ParamRef(binding.Obj("spec", "paramRef")),
            Timestamps.Age(binding, now),
        ]);

    private static string ParamRef(JsonObject? paramRef)
    {
        if (paramRef is null)
        {
            return Unset;
        }
        if (paramRef.Str("name") is { Length: > 0 } name)
        {
            // A namespace-less reference may be cluster-scoped or per-namespace; upstream shows it as */name.
            return paramRef.Str("namespace") is { Length: > 0 } ns ? $"{ns}/{name}" : $"*/{name}";
        }
        return paramRef.Obj("selector") is { } selector ? LabelText.FormatSelector(selector) : Unset;
    }

    private static ResourcePrinter ApiService() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Service", "The service that serves the API, or Local."),
            TableColumn.Str("Available", "Whether the API is available, with the reason when it is not."),
            TableColumn.Age,
        ],
        (api, now) =>
        {
            var service = api.Obj("spec", "service") is { } svc ? $"{svc.Text("namespace")}/{svc.Text("name")}" : "Local";
            var available = "Unknown";
            if (api.Objects("status", "conditions").FirstOrDefault(c => c.Text("type") == "Available") is { } condition)
            {
                var status = condition.Text("status");
                available = status != "True" && condition.Str("reason") is { Length: > 0 } reason ? $"{status} ({reason})" : status;
            }
            return [api.Text("metadata", "name"), service, available, Timestamps.Age(api, now)];
        });
}
