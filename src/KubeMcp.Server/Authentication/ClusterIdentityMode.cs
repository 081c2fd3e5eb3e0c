namespace KubeMcp.Server.Authentication;

/// <summary>Whose permissions the server's calls to the cluster carry.</summary>
public enum ClusterIdentityMode
{
    /// <summary>The server's own identity from its kubeconfig or service account (give it least privilege).</summary>
    Server,

    /// <summary>
    /// The authenticated caller's: requests carry <c>Impersonate-User</c> and <c>Impersonate-Group</c>, so the
    /// cluster's RBAC decides. Needs authentication, and the server's identity needs the <c>impersonate</c> verb.
    /// </summary>
    Impersonate,
}
