using System.Text;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>Writes the triage workflow's final report: each pod, its cause, the evidence, what was done, what is left.</summary>
internal static class TriageReport
{
    public const string Header = "Offline planner (rule-based, not an LLM): ";

    public static string AllHealthy(IReadOnlyList<PodRow> pods, string? ns, string? target)
    {
        var scope = Scope(ns);
        if (pods.Count == 0)
        {
            return Header + (target is null ? $"there are no pods {scope}." : $"found no pods named like '{target}' {scope}.");
        }

        return Header + $"all {pods.Count} pods {scope}{(target is null ? "" : $" matching '{target}'")} look healthy "
            + "(Running or Completed, all containers ready, few restarts). Nothing to do.";
    }

    public static string Build(
        TaskIntent intent, IReadOnlyList<PodRow> pods, IReadOnlyList<PodDiagnosis> diagnoses, PlannerSession session,
        PlannerToolbox tools, Observation baseline, Observation? verification)
    {
        var ns = baseline.Arg("namespace");
        var sb = new StringBuilder(Header);
        sb.Append($"checked {pods.Count} pods {Scope(ns)}; {diagnoses.Count} unhealthy.\n");

        var restarted = new List<PodDiagnosis>();
        var notRestarted = new List<(PodDiagnosis Diagnosis, string Why)>();
        var number = 0;
        foreach (var d in diagnoses)
        {
            var (done, wasRestarted) = WhatWasDone(d, intent, session, tools);
            if (wasRestarted)
            {
                restarted.Add(d);
            }
            else if (d.RestartHelps)
            {
                notRestarted.Add((d, done));
            }

            sb.Append('\n').Append(++number).Append(". ").Append(d.Pod.Display).Append(" — ").Append(d.Pod.Status);
            if (d.Pod.Restarts > 0)
            {
                sb.Append($" ({d.Pod.Restarts} restarts)");
            }

            sb.Append('\n');
            sb.Append("   Cause: ").Append(d.Summary).Append('\n');
            sb.Append("   Evidence: ").Append(d.Evidence).Append('\n');
            sb.Append("   Done: ").Append(done).Append('\n');
            sb.Append(wasRestarted ? "   If it fails again: " : "   A person must: ").Append(d.HumanAction).Append('\n');
        }

        if (verification is not null)
        {
            sb.Append('\n').Append(Verification(pods, diagnoses, restarted, verification));
        }

        sb.Append("\nSummary: ");
        sb.Append(restarted.Count == 0 ? "no pod was restarted" : $"restarted {restarted.Count} ({string.Join(", ", restarted.Select(r => r.Pod.Name))})");
        var unfixable = diagnoses.Where(d => !d.RestartHelps).ToList();
        if (unfixable.Count > 0)
        {
            sb.Append($"; {unfixable.Count} need a person ({string.Join(", ", unfixable.Select(m => m.Pod.Name))}) because a restart cannot fix them");
        }

        if (notRestarted.Count > 0)
        {
            // A restart might help these, but it did not happen: say why instead of claiming it cannot help.
            sb.Append($"; {notRestarted.Count} not restarted although a restart may help (")
                .Append(string.Join(", ", notRestarted.Select(n => $"{n.Diagnosis.Pod.Name}: {Reason(n.Why)}")))
                .Append(')');
        }

        if (diagnoses.Count == TriagePlanner.MaxPods)
        {
            sb.Append($"; only the first {TriagePlanner.MaxPods} unhealthy pods were investigated");
        }

        sb.Append('.');
        return sb.ToString();
    }

    private static (string Text, bool Restarted) WhatWasDone(PodDiagnosis d, TaskIntent intent, PlannerSession session, PlannerToolbox tools)
    {
        if (!d.RestartHelps)
        {
            return ("not restarted — a restart cannot fix this", false);
        }

        if (!intent.AllowRestart)
        {
            return ("nothing changed (the task did not ask for restarts); a restart may help", false);
        }

        if (d.Owner is null)
        {
            return ("not restarted — the pod has no controller, so a deleted pod would not come back", false);
        }

        var args = tools.Fit("pods_delete", ("name", d.Pod.Name), ("namespace", d.Pod.Namespace));
        var delete = args is null ? null : session.Find("pods_delete", args);
        return delete switch
        {
            null => ("not restarted — no tool to delete pods", false),
            { IsError: true } => ($"not restarted — {TriagePlanner.FirstLine(delete.Result)}", false),
            _ => ($"restarted (deleted the pod; {d.Owner} creates a replacement)", true),
        };
    }

    private static string Verification(IReadOnlyList<PodRow> before, IReadOnlyList<PodDiagnosis> diagnoses, List<PodDiagnosis> restarted, Observation verification)
    {
        var after = TextTable.TryParse(verification.Result) is { } table ? PodRow.FromTable(table, verification.Arg("namespace")) : [];
        var beforeNames = before.Select(p => p.Display).ToHashSet(StringComparer.Ordinal);
        var replacements = after.Where(p => !beforeNames.Contains(p.Display)).ToList();
        var stillThere = after.Where(p => diagnoses.Any(d => d.Pod.Display == p.Display)).ToList();

        var sb = new StringBuilder($"Verification ({verification.Tool} after the restarts): ");
        if (replacements.Count > 0)
        {
            sb.Append("new pods ").Append(string.Join(", ", replacements.Select(p => $"{p.Name} {p.Status} {p.Ready}".TrimEnd())));
        }
        else
        {
            sb.Append("no replacement pods yet");
        }

        var gone = restarted.Count(r => !after.Any(p => p.Display == r.Pod.Display));
        sb.Append($"; {gone} of {restarted.Count} restarted pods are gone");
        if (stillThere.Count > 0)
        {
            sb.Append("; still present: ").Append(string.Join(", ", stillThere.Select(p => $"{p.Name} {p.Status}")));
        }

        // A replacement read right after the restart is often not running yet: Pending, or Running but not ready yet,
        // without restarts is a pod starting, not a pod failing again.
        var starting = replacements.Where(p => p.IsUnhealthy && p.Restarts == 0 && p.Status is "Pending" or "Running").ToList();
        if (starting.Count > 0)
        {
            sb.Append($". {starting.Count} replacement pods are still starting ({string.Join(", ", starting.Select(p => $"{p.Name} {p.Status}"))}): list the pods again shortly to confirm they run");
        }

        var failing = replacements.Where(p => p.IsUnhealthy).Except(starting).ToList();
        if (failing.Count > 0)
        {
            sb.Append($". {failing.Count} replacement pods are failing again ({string.Join(", ", failing.Select(p => $"{p.Name} {p.Status}"))}): the restart did not fix them and the cause needs a person");
        }

        return sb.Append(".\n").ToString();
    }

    private static string Reason(string done) =>
        done.StartsWith("not restarted — ", StringComparison.Ordinal) ? done["not restarted — ".Length..]
        : done.StartsWith("nothing changed (", StringComparison.Ordinal) ? "the task did not ask for restarts"
        : done;

    private static string Scope(string? ns) => ns is null ? "in all namespaces" : $"in namespace {ns}";
}
