namespace KubeMcp.Agent.Providers.Offline;

/// <summary>The kinds of task the offline planner knows how to carry out.</summary>
internal enum IntentKind
{
    /// <summary>Find unhealthy pods, diagnose them, restart what a restart can fix (if asked), report.</summary>
    Triage,

    /// <summary>Why is X failing: triage restricted to pods matching X, without restarts.</summary>
    Diagnose,

    /// <summary>Scale a workload to N replicas.</summary>
    Scale,

    /// <summary>List objects of a kind.</summary>
    List,

    /// <summary>Show one object.</summary>
    Describe,

    /// <summary>Which pods use the most memory or CPU (metrics).</summary>
    Usage,

    /// <summary>A request to print a password, token or other secret value: declined.</summary>
    SecretValue,

    /// <summary>Anything else.</summary>
    Unsupported,
}
