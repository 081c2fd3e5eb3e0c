namespace KubeMcp.Cluster.Authorization;

/// <summary>The binding (and the subject in it) through which a user holds a rule; describes itself like RBAC's reasons.</summary>
internal readonly record struct RuleSource(
    string BindingName,
    string BindingNamespace,
    string RoleKind,
    string RoleName,
    string SubjectKind,
    string SubjectName,
    string SubjectNamespace)
{
    /// <summary>
    /// <c>ClusterRoleBinding "x" of ClusterRole "y" to User "z"</c> or
    /// <c>RoleBinding "x/ns" of Role "y" to ServiceAccount "sa/ns"</c>.
    /// </summary>
    public override string ToString()
    {
        var binding = BindingNamespace.Length == 0
            ? $"ClusterRoleBinding \"{BindingName}\""
            : $"RoleBinding \"{BindingName}/{BindingNamespace}\"";
        var subject = SubjectKind == "ServiceAccount"
            ? $"{SubjectKind} \"{SubjectName}/{(SubjectNamespace.Length > 0 ? SubjectNamespace : BindingNamespace)}\""
            : $"{SubjectKind} \"{SubjectName}\"";
        return $"{binding} of {RoleKind} \"{RoleName}\" to {subject}";
    }
}
