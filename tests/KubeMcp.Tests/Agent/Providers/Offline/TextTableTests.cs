using KubeMcp.Agent.Providers.Offline;

namespace KubeMcp.Tests.Agent.Providers.Offline;

public sealed class TextTableTests
{
    [Fact]
    public void TryParse_FindsCellsByHeaderWhateverTheColumnOrder()
    {
        var table = TextTable.TryParse("STATUS    NAME   NAMESPACE\nRunning   a-1    prod\n")!;

        var pod = Assert.Single(PodRow.FromTable(table, null));
        Assert.Equal(("prod", "a-1", "Running"), (pod.Namespace, pod.Name, pod.Status));
    }

    [Fact]
    public void TryParse_KeepsSpacesInTheLastColumnAndMultiWordHeaders()
    {
        var table = TextTable.TryParse("LAST SEEN   TYPE      REASON   OBJECT    MESSAGE\n5m          Warning   Failed   pod/a-1   Back-off pulling image \"x:1\"  (again)\n")!;

        var e = Assert.Single(EventRow.FromTable(table, "prod"));
        Assert.Equal("Back-off pulling image \"x:1\"  (again)", e.Message);
        Assert.Equal("prod", e.Namespace);
        Assert.Equal("5m", table.Rows[0]["LAST SEEN"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("No resources found in default namespace.")]
    [InlineData("just one line of prose")]
    [InlineData("Error: the server could not find the requested resource")]
    public void TryParse_RejectsTextThatIsNotATable(string text)
    {
        Assert.Null(TextTable.TryParse(text));
    }

    [Fact]
    public void TryParse_ShortRowsGetEmptyCellsAndNotesAreSkipped()
    {
        var table = TextTable.TryParse("NAME   READY   STATUS\nx\n[... 10 of 100 characters omitted ...]\n")!;

        var row = Assert.Single(table.Rows);
        Assert.Equal("", row["STATUS"]);
    }

    [Theory]
    [InlineData("CrashLoopBackOff", "0/1", 5, true)]
    [InlineData("Running", "1/2", 0, true)]
    [InlineData("Running", "1/1", 4, true)]
    [InlineData("Running", "1/1", 1, false)]
    [InlineData("Completed", "0/1", 0, false)]
    [InlineData("ContainerCreating", "0/1", 0, false)]
    [InlineData("Pending", "0/1", 0, true)]
    [InlineData("ImagePullBackOff", "0/1", 0, true)]
    public void PodRow_IsUnhealthyFollowsStatusReadinessAndRestarts(string status, string ready, int restarts, bool unhealthy)
    {
        Assert.Equal(unhealthy, new PodRow("ns", "p", ready, status, restarts).IsUnhealthy);
    }

    [Fact]
    public void PodRow_ReadsRestartsWithTheirAge()
    {
        var table = TextTable.TryParse("NAME  READY  STATUS  RESTARTS  AGE\na  0/1  Error  7 (2m ago)  5m\n")!;

        Assert.Equal(7, PodRow.FromTable(table, null)[0].Restarts);
    }
}
