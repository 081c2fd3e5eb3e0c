using KubeMcp.Server.Formatting;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class ListCutTests
{
    [Fact]
    public void Join_CutsAtItemBoundaryAndSaysHowManyAndHowToNarrow()
    {
        var items = Enumerable.Range(0, 10).Select(i => $"- item{i}\n").ToList();

        var text = ListCut.Join(items, 30, "pods", "Narrow it with a labelSelector.");

        Assert.StartsWith("- item0\n- item1\n- item2\n", text);
        Assert.DoesNotContain("item3", text);
        Assert.Contains("[7 of 10 pods not shown: output budget reached. Narrow it with a labelSelector.]", text);
    }

    [Fact]
    public void Join_AlwaysShowsTheFirstItem()
    {
        var text = ListCut.Join(["a very long first item\n", "b\n"], 5, "things", "");

        Assert.StartsWith("a very long first item\n", text);
        Assert.Contains("[1 of 2 things not shown", text);
    }

    [Fact]
    public void Truncate_KeepsWholeLinesAndCountsTheRest()
    {
        var text = string.Concat(Enumerable.Range(0, 10).Select(i => $"line {i}\n"));

        var cut = ListCut.Truncate(text, 20, "Ask for less.");

        Assert.StartsWith("line 0\nline 1\n", cut);
        Assert.Contains("more lines not shown: output budget reached. Ask for less.", cut);
        Assert.Equal(text, ListCut.Truncate(text, 1000, ""));
    }
}
