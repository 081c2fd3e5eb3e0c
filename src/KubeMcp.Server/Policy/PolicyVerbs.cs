namespace KubeMcp.Server.Policy;

/// <summary>The verbs policy rules name; the Kubernetes verbs a tool performs, with <c>exec</c> for commands in pods.</summary>
public static class PolicyVerbs
{
    /// <summary>Reads one object (or its logs or metrics).</summary>
    public const string Get = "get";

    /// <summary>Reads a collection.</summary>
    public const string List = "list";

    /// <summary>Creates objects (pods_run, helm_install).</summary>
    public const string Create = "create";

    /// <summary>Changes objects (resources_create_or_update, resources_scale).</summary>
    public const string Patch = "patch";

    /// <summary>Deletes objects (pods_delete, resources_delete, helm_uninstall).</summary>
    public const string Delete = "delete";

    /// <summary>Runs a command in a container (pods_exec).</summary>
    public const string Exec = "exec";
}
