using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>Printers for jobs (STATUS COMPLETIONS DURATION) and cron jobs.</summary>
internal static class BatchPrinters
{
    public static IEnumerable<((string Group, string Kind) Key, ResourcePrinter Printer)> All() =>
    [
        (("batch", "Job"), Job()),
        (("batch", "CronJob"), CronJob()),
    ];

    private static ResourcePrinter Job() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Status", "Status of the job."),
            TableColumn.Str("Completions", "Succeeded pods out of required completions."),
            TableColumn.Str("Duration", "Time the job ran, or has been running."),
            TableColumn.Age,
            WorkloadPrinters.Containers,
            WorkloadPrinters.Images,
            WorkloadPrinters.Selector,
        ],
        (job, now) =>
        {
            var (names, images) = WorkloadPrinters.ContainerCells(job.At("spec", "template", "spec"));
            return
            [
                job.Text("metadata", "name"),
                JobStatus(job),
                Completions(job),
                Duration(job, now),
                Timestamps.Age(job, now),
                names,
                images,
                LabelText.FormatSelector(job.At("spec", "selector")),
            ];
        });

    private static ResourcePrinter CronJob() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Schedule", "Cron schedule of the job."),
            TableColumn.Str("Timezone", "Time zone the schedule is read in."),
            TableColumn.Boolean("Suspend", "Whether new runs are suspended."),
            TableColumn.Int("Active", "Jobs currently running."),
            TableColumn.Str("Last Schedule", "Time since a job was last scheduled."),
            TableColumn.Age,
            WorkloadPrinters.Containers,
            WorkloadPrinters.Images,
            WorkloadPrinters.Selector,
        ],
        (cj, now) =>
        {
            var jobSpec = cj.At("spec", "jobTemplate", "spec");
            var (names, images) = WorkloadPrinters.ContainerCells(jobSpec.At("template", "spec"));
            var lastSchedule = cj.Str("status", "lastScheduleTime") is null
                ? LabelText.None
                : Timestamps.Since(cj.Str("status", "lastScheduleTime"), now);
            return
            [
                cj.Text("metadata", "name"),
                cj.Text("spec", "schedule"),
                cj.Str("spec", "timeZone") ?? LabelText.None,
                // Upstream prints the flag as text in this boolean column.
                cj.Bool("spec", "suspend") switch { true => "True", false => "False", null => "<unset>" },
                (long)cj.Count("status", "active"),
                lastSchedule,
                Timestamps.Age(cj, now),
                names,
                images,
                LabelText.FormatSelector(jobSpec.At("selector")),
            ];
        });

    private static string JobStatus(JsonObject job)
    {
        var conditions = job.Objects("status", "conditions");
        bool Has(string type) => conditions.FirstOrDefault(c => c.Text("type") == type)?.Text("status") == "True";
        if (Has("Complete"))
        {
            return "Complete";
        }
        if (Has("Failed"))
        {
            return "Failed";
        }
        if (job.At("metadata", "deletionTimestamp") is not null)
        {
            return "Terminating";
        }
        if (Has("Suspended"))
        {
            return "Suspended";
        }
        return Has("FailureTarget") ? "FailureTarget" : "Running";
    }

    private static string Completions(JsonObject job)
    {
        var succeeded = job.Long("status", "succeeded") ?? 0;
        if (job.Long("spec", "completions") is { } completions)
        {
            return $"{succeeded}/{completions}";
        }
        var parallelism = job.Long("spec", "parallelism") ?? 0;
        return parallelism > 1 ? $"{succeeded}/1 of {parallelism}" : $"{succeeded}/1";
    }

    private static string Duration(JsonObject job, DateTimeOffset now)
    {
        if (Timestamps.Parse(job, "status", "startTime") is not { } start)
        {
            return "";
        }
        var end = Timestamps.Parse(job, "status", "completionTime") ?? now;
        return HumanDuration.Format(end - start);
    }
}
