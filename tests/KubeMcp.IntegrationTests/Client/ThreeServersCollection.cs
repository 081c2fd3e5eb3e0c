namespace KubeMcp.IntegrationTests.Client;

/// <summary>One <see cref="ThreeServersFixture"/> shared by every client test class (starting the servers is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class ThreeServersCollection : ICollectionFixture<ThreeServersFixture>
{
    public const string Name = "three MCP servers";
}
