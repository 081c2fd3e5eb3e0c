using KubeMcp.Server.Formatting;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class TextTableTests
{
    [Fact]
    public void Render_AlignsColumnsWithTwoSpacesAndNoTrailingBlanks()
    {
        var table = new TextTable(["NAME", "STATUS", "NODE"]);
        table.Add("web-1", "Running", "node-1");
        table.Add("a", "CrashLoopBackOff", "");

        var text = table.Render(10_000, out var omitted);

        Assert.Equal(0, omitted);
        Assert.Equal("NAME   STATUS            NODE\nweb-1  Running           node-1\na      CrashLoopBackOff\n", text);
    }

    [Fact]
    public void Render_DropsWholeRowsPastTheBudget()
    {
        var table = new TextTable(["NAME"]);
        for (var i = 0; i < 100; i++)
        {
            table.Add($"pod-{i:D3}");
        }

        var text = table.Render(100, out var omitted);

        Assert.True(text.Length <= 100, text);
        Assert.Equal(100, omitted + text.TrimEnd('\n').Split('\n').Length - 1);
        Assert.EndsWith("\n", text);
        Assert.True(omitted > 80);
    }

    [Fact]
    public void Add_FlattensNewlinesInCells()
    {
        var table = new TextTable(["MESSAGE"]);
        table.Add("line one\nline two\ttabbed");

        Assert.Equal("MESSAGE\nline one line two tabbed\n", table.ToString());
    }

    [Fact]
    public void Add_RejectsRowsOfTheWrongWidth()
    {
        var table = new TextTable(["A", "B"]);

        Assert.Throws<ArgumentException>(() => table.Add("only one"));
    }
}
