namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>A folder of task folders (each with a task.yaml), e.g. eval/tasks.</summary>
internal static class TaskSuite
{
    /// <summary>
    /// Reads every task under <paramref name="directory"/> (one level, or nested groups), sorted by id. Disabled tasks
    /// are left out. All malformed tasks are reported together.
    /// </summary>
    public static IReadOnlyList<EvalTask> Load(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new TaskFormatException($"the suite folder {root} does not exist");
        }
        var tasks = new List<EvalTask>();
        var errors = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, TaskFile.FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                var task = TaskFile.Load(Path.GetDirectoryName(file)!);
                if (!task.Disabled)
                {
                    tasks.Add(task);
                }
            }
            catch (TaskFormatException e)
            {
                errors.Add(e.Message);
            }
        }
        foreach (var duplicate in tasks.GroupBy(t => t.Id).Where(g => g.Count() > 1))
        {
            errors.Add($"task id '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(t => t.Directory))}");
        }
        if (errors.Count > 0)
        {
            throw new TaskFormatException(string.Join("\n", errors));
        }
        if (tasks.Count == 0)
        {
            throw new TaskFormatException($"no tasks under {root} (each task is a folder with a {TaskFile.FileName})");
        }
        return [.. tasks.OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>The tasks whose id matches one of <paramref name="patterns"/> (globs); all when there are none.</summary>
    public static IReadOnlyList<EvalTask> Select(IReadOnlyList<EvalTask> tasks, IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return tasks;
        }
        var selected = tasks.Where(t => patterns.Any(p => Safety.Glob.Matches(p, t.Id))).ToList();
        return selected.Count > 0
            ? selected
            : throw new TaskFormatException($"no task matches {string.Join(", ", patterns)}; the suite has {string.Join(", ", tasks.Select(t => t.Id))}");
    }
}
