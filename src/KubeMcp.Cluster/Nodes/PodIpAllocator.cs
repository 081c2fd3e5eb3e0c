namespace KubeMcp.Cluster.Nodes;

/// <summary>Hands out pod IPs from each node's pod CIDR (10.244.N.0/24), as a CNI plugin would.</summary>
internal sealed class PodIpAllocator
{
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string Next(string node)
    {
        lock (_gate)
        {
            if (!_nodeIndex.TryGetValue(node, out var index))
            {
                _nodeIndex[node] = index = _nodeIndex.Count + 1;
            }
            var n = _next.GetValueOrDefault(node) + 1;
            _next[node] = n;
            return $"10.244.{index}.{(n % 250) + 2}";
        }
    }
}
