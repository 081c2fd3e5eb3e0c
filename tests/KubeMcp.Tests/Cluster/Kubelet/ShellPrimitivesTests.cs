using KubeMcp.Cluster.Kubelet;
using KubeMcp.Cluster.Kubelet.Runtime;
using KubeMcp.Cluster.Kubelet.Shell;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class ShellPrimitivesTests
{
    private static long Arithmetic(string expression, Dictionary<string, string>? variables = null)
    {
        variables ??= [];
        return ArithmeticEvaluator.Evaluate(expression, n => variables.GetValueOrDefault(n), (n, v) => variables[n] = v);
    }

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 / 3", 3)]
    [InlineData("10 % 3", 1)]
    [InlineData("-4 + 1", -3)]
    [InlineData("3 > 2 && 1 < 2", 1)]
    [InlineData("!0", 1)]
    [InlineData("0x10 + 1", 17)]
    [InlineData("2 == 2 ? 5 : 6", 5)]
    [InlineData("", 0)]
    public void Arithmetic_EvaluatesIntegerExpressions(string expression, long expected) =>
        Assert.Equal(expected, Arithmetic(expression));

    [Fact]
    public void Arithmetic_ReadsAndAssignsVariables()
    {
        var variables = new Dictionary<string, string> { ["i"] = "4", ["blank"] = "" };

        Assert.Equal(5, Arithmetic("i + 1", variables));
        Assert.Equal(0, Arithmetic("blank + unset", variables));
        Assert.Equal(9, Arithmetic("i += 5", variables));
        Assert.Equal("9", variables["i"]);
        Assert.Equal(10, Arithmetic("++i", variables));
        Assert.Equal(10, Arithmetic("i++", variables));
        Assert.Equal("11", variables["i"]);
    }

    [Theory]
    [InlineData("1 +", "arithmetic syntax error")]
    [InlineData("(1 + 2", "arithmetic syntax error")]
    [InlineData("1 / 0", "divide by zero")]
    [InlineData("5 % 0", "divide by zero")]
    [InlineData("1 2", "arithmetic syntax error")]
    [InlineData("12abc", "arithmetic syntax error")]
    [InlineData("x + 1", "arithmetic syntax error")]
    public void Arithmetic_RejectsMalformedExpressions(string expression, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Arithmetic(expression, new() { ["x"] = "abc" })).Message);

    [Fact]
    public void Test_EvaluatesStringIntegerFileAndLogicalOperators()
    {
        var files = new VirtualFileSystem(new Dictionary<string, string> { ["/etc/app.conf"] = "x", ["/etc/empty"] = "" },
            new HashSet<string>(), new HashSet<string>(), p => p);
        int Test(params string[] args) => TestEvaluator.Evaluate(args, files, "/").Status;

        Assert.Equal(0, Test("-f", "/etc/app.conf"));
        Assert.Equal(1, Test("-s", "/etc/empty"));
        Assert.Equal(0, Test("-d", "/etc"));
        Assert.Equal(0, Test("!", "-e", "/nope"));
        Assert.Equal(0, Test("a", "=", "a", "-a", "2", "-ge", "1"));
        Assert.Equal(0, Test("(", "x", "!=", "x", ")", "-o", "-n", "y"));
        Assert.Equal(1, Test(""));
        Assert.Equal(0, Test("word"));
        Assert.Equal((2, "abc: integer expression expected"), TestEvaluator.Evaluate(["abc", "-lt", "1"], files, "/"));
        Assert.Equal(2, TestEvaluator.Evaluate(["(", "a", "=", "a"], files, "/").Status);
        Assert.Equal(2, TestEvaluator.Evaluate(["a", "b", "c", "d"], files, "/").Status);
    }

    [Theory]
    [InlineData("%s-%s\\n", new[] { "a", "b", "c" }, "a-b\nc-\n")]
    [InlineData("%5s|%-5s|\\n", new[] { "ab", "cd" }, "   ab|cd   |\n")]
    [InlineData("%03d %+d %.3d\\n", new[] { "7", "5", "4" }, "007 +5 004\n")]
    [InlineData("%.2f %e\\n", new[] { "3.14159", "12345.678" }, "3.14 1.234568e+04\n")]
    [InlineData("%o %X %c\\n", new[] { "8", "255", "zebra" }, "10 FF z\n")]
    [InlineData("100%%\\n", new string[0], "100%\n")]
    [InlineData("%b", new[] { "tab\\there" }, "tab\there")]
    [InlineData("no newline", new string[0], "no newline")]
    [InlineData("stop\\chere", new string[0], "stop")]
    [InlineData("%d\\n", new[] { "'A" }, "65\n")]
    [InlineData("%q", new[] { "x" }, "%q")]
    [InlineData("trailing %", new string[0], "trailing %")]
    public void Printf_FormatsLikeC(string format, string[] args, string expected) =>
        Assert.Equal(expected, PrintfCommand.Format(format, args).Output);

    [Fact]
    public void Printf_CollectsInvalidNumbers()
    {
        var (output, invalid) = PrintfCommand.Format("%d|%f", ["12abc", "x"]);

        Assert.Equal("12|0.000000", output);
        Assert.Equal(["12abc", "x"], invalid);
    }

    [Theory]
    [InlineData(new[] { "-n", "a" }, false, "a")]
    [InlineData(new[] { "-e", "a\\tb" }, false, "a\tb\n")]
    [InlineData(new[] { "a\\tb" }, false, "a\\tb\n")]
    [InlineData(new[] { "a\\tb" }, true, "a\tb\n")]
    [InlineData(new[] { "-e", "x" }, true, "-e x\n")]
    [InlineData(new[] { "-nx" }, false, "-nx\n")]
    [InlineData(new[] { "\\0101\\c", "ignored" }, true, "A")]
    public void Echo_HandlesOptionsAndEscapesPerImplementation(string[] args, bool alwaysEscapes, string expected) =>
        Assert.Equal(expected, EchoCommand.Format(args, alwaysEscapes));

    [Theory]
    [InlineData("app.conf", "%.conf", "app")]
    [InlineData("a.tar.gz", "%.*", "a.tar")]
    [InlineData("a.tar.gz", "%%.*", "a")]
    [InlineData("/usr/local/bin", "#*/", "usr/local/bin")]
    [InlineData("/usr/local/bin", "##*/", "bin")]
    [InlineData("file", "%.x", "file")]
    [InlineData("v1.2", "#v", "1.2")]
    public void PatternRemoval_ShortestAndLongest(string value, string operatorAndPattern, string expected)
    {
        var op = operatorAndPattern.StartsWith("%%", StringComparison.Ordinal) || operatorAndPattern.StartsWith("##", StringComparison.Ordinal)
            ? operatorAndPattern[..2]
            : operatorAndPattern[..1];
        Assert.Equal(expected, GlobPattern.Remove(value, operatorAndPattern[op.Length..], op));
    }

    [Fact]
    public void LogTemplate_RendersPlaceholdersAndLeavesOtherBracesAlone()
    {
        var scope = new TemplateScope
        {
            ContainerStartedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Version = "1.2.3",
            Hostname = "pod-a",
            PodIP = "10.0.0.9",
            Vars = new Dictionary<string, string> { ["flavour"] = "mint" },
            Env = n => n == "PORT" ? "9000" : null,
            Args = ["--listen=:7000", "-v", "--level", "debug"],
        };

        Assert.Equal(
            "{\"t\":\"2025/01/02 03:04:07\"} v1.2.3 pod-a 10.0.0.9 mint 9000 80 :7000 debug x",
            LogTemplate.Render("{\"t\":\"{{time:yyyy/MM/dd HH:mm:ss}}\"} v{{version}} {{hostname}} {{podIP}} {{var:flavour}} {{env:PORT:1}} {{env:HTTP:80}} {{flag:listen:none}} {{flag:level:info}} x", scope, TimeSpan.FromSeconds(2)));
        Assert.Equal(["{{nope}}", "{{env}}"], LogTemplate.UnknownPlaceholders("{{nope}} {{env}} {{env:X}} {{unclosed"));
    }

    [Theory]
    [InlineData("root", null, "root", 0, "/root")]
    [InlineData("1001", null, null, 1001, "/")]
    [InlineData("nginx", null, "nginx", 101, "/home/nginx")]
    [InlineData("grafana:472", null, "grafana", 472, "/home/grafana")]
    [InlineData("root", 2000L, null, 2000, "/")]
    [InlineData("1001", 0L, "root", 0, "/root")]
    public void UserInfo_ResolvesImageUserAndRunAsUser(string user, long? runAs, string? name, long uid, string home)
    {
        var info = UserInfo.Resolve(user, runAs);

        Assert.Equal((name, uid, home), (info.Name, info.Uid, info.Home));
    }

    [Theory]
    [InlineData("a/b/../c", "/", "/a/c")]
    [InlineData("./x", "/srv", "/srv/x")]
    [InlineData("//etc///hosts", "/", "/etc/hosts")]
    [InlineData("../../..", "/a", "/")]
    [InlineData("/", "/tmp", "/")]
    public void FileSystem_NormalisesPaths(string path, string cwd, string expected) =>
        Assert.Equal(expected, VirtualFileSystem.Normalize(path, cwd));
}
