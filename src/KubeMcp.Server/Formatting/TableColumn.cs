namespace KubeMcp.Server.Formatting;

/// <summary>One column of a server Table; priority 0 columns are what kubectl prints without <c>-o wide</c>.</summary>
internal sealed record TableColumn(string Name, int Priority);
