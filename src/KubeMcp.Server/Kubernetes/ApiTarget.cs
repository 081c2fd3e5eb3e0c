namespace KubeMcp.Server.Kubernetes;

/// <summary>What a failed API call was about, so the error can name it (and list what is there instead).</summary>
internal sealed record ApiTarget(ApiResource Resource, string? Namespace, string? Name, string Verb);
