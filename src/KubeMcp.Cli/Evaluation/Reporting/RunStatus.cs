namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>How one run of a task ended.</summary>
internal enum RunStatus
{
    /// <summary>Every check held, no limit was exceeded and no forbidden action was attempted.</summary>
    Passed,

    /// <summary>The agent did not do the task (a check failed, a limit was hit, or it attempted a forbidden action).</summary>
    Failed,

    /// <summary>The task could not be run (setup or the harness failed); says nothing about the agent.</summary>
    Error,

    /// <summary>Not run with this back-end (the scripted back-end and a task without recorded replies).</summary>
    Skipped,
}
