namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>How hard a task is meant to be.</summary>
internal enum TaskDifficulty
{
    Easy,
    Medium,
    Hard,
}
