using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class ShellScriptTests
{
    [Fact]
    public void Echo_PrintsAndTheScriptCompletes()
    {
        var run = Sim.Script("echo hello; echo world");

        Assert.Equal(["hello", "world"], Sim.Lines(run));
        Assert.Equal(ProgramOutcome.Exited(0, TimeSpan.Zero), run.Outcome);
    }

    [Fact]
    public void Sleep_AdvancesLineOffsetsAndTheExitTime()
    {
        var run = Sim.Script("echo start; sleep 5; echo middle; sleep 2.5; echo end");

        Assert.Equal(
            [(TimeSpan.Zero, "start"), (TimeSpan.FromSeconds(5), "middle"), (TimeSpan.FromSeconds(7.5), "end")],
            run.LinesUpTo(TimeSpan.FromMinutes(1), 10).Select(l => (l.Offset, l.Text)));
        Assert.Equal(TimeSpan.FromSeconds(7.5), run.Outcome.At);
        Assert.Equal(["start", "middle"], Sim.Lines(run, TimeSpan.FromSeconds(6)));
    }

    [Theory]
    [InlineData("exit 3", 3, "Error")]
    [InlineData("exit 0", 0, "Completed")]
    [InlineData("false", 1, "Error")]
    [InlineData("true; exit", 0, "Completed")]
    [InlineData("exit 300", 44, "Error")]
    public void Exit_SetsTheContainerExitCode(string script, int code, string reason)
    {
        var outcome = Sim.Script(script).Outcome;

        Assert.Equal(code, outcome.ExitCode);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void AndOrLists_ShortCircuit()
    {
        var lines = Sim.Lines(Sim.Script("false && echo no || echo yes; true && echo ok; true || echo never; false; echo \"status $?\""));

        Assert.Equal(["yes", "ok", "status 1"], lines);
    }

    [Fact]
    public void Printf_FormatsStringsNumbersAndEscapes()
    {
        var lines = Sim.Lines(Sim.Script("printf 'Hello %s, you are %d\\n' Ada 42; printf '%05.1f|%-4s|%x\\n' 3.14159 ab 255; printf '%s\\n' a b c"));

        Assert.Equal(["Hello Ada, you are 42", "003.1|ab  |ff", "a", "b", "c"], lines);
    }

    [Fact]
    public void Printf_InvalidNumberReportsAndFails()
    {
        var run = Sim.Script("printf '%d\\n' abc", image: "debian", shell: "bash");

        Assert.Equal(["0", "bash: line 1: printf: abc: invalid number"], Sim.Lines(run));
        Assert.Equal(1, run.Outcome.ExitCode);
    }

    [Fact]
    public void Expansion_ReadsEnvironmentWithDefaults()
    {
        var lines = Sim.Lines(Sim.Script(
            "echo $GREETING ${NAME}! ${MISSING:-fallback} ${EMPTY:-empty-default} ${EMPTY-set-but-empty} ${#NAME} ${FILE%.conf} ${PATHISH##*/}",
            env: [("GREETING", "Hi"), ("NAME", "Ada"), ("EMPTY", ""), ("FILE", "app.conf"), ("PATHISH", "/etc/app/main.yaml")]));

        Assert.Equal(["Hi Ada! fallback empty-default 3 app main.yaml"], lines);
    }

    [Fact]
    public void Expansion_UnquotedValuesSplitQuotedOnesDoNot()
    {
        var lines = Sim.Lines(Sim.Script("for w in $WORDS; do echo \"[$w]\"; done; for w in \"$WORDS\"; do echo \"[$w]\"; done", env: [("WORDS", "a  b c")]));

        Assert.Equal(["[a]", "[b]", "[c]", "[a  b c]"], lines);
    }

    [Fact]
    public void Expansion_CommandSubstitutionAndArithmetic()
    {
        var lines = Sim.Lines(Sim.Script("echo \"host=$(hostname) today=`date +%F` sum=$((2 + 3 * 4)) pid=$$\""));

        Assert.Equal(["host=web-7d4b9c6f5-x2k8p today=2025-03-14 sum=14 pid=1"], lines);
    }

    [Fact]
    public void Expansion_RequiredVariableMissing_StopsTheShell()
    {
        var run = Sim.Script("echo before; echo ${DB_HOST:?must be set}; echo after");

        Assert.Equal(["before", "sh: DB_HOST: must be set"], Sim.Lines(run));
        Assert.Equal(2, run.Outcome.ExitCode);
    }

    [Fact]
    public void Variables_AssignExportAndReachChildProcesses()
    {
        var lines = Sim.Lines(Sim.Script("A=1; B=2; export B; C=3 printenv C; printenv A || echo 'A not exported'; printenv B; echo $A$B"));

        Assert.Equal(["3", "A not exported", "2", "12"], lines);
    }

    [Fact]
    public void Env_ListsTheContainerEnvironmentInRuntimeOrder()
    {
        var lines = Sim.Lines(Sim.Run("nginx:alpine", command: ["env"], env: [("APP_MODE", "prod"), ("NGINX_VERSION", "custom")]));

        Assert.Equal(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=web-7d4b9c6f5-x2k8p", "NGINX_VERSION=custom", "APP_MODE=prod", "HOME=/root"], lines);
    }

    [Fact]
    public void Date_And_Hostname_ReflectTheSimulatedContainer()
    {
        var lines = Sim.Lines(Sim.Script("date; sleep 61; date -u +%H:%M:%S; hostname"));

        Assert.Equal(["Fri Mar 14 09:26:53 UTC 2025", "09:27:54", "web-7d4b9c6f5-x2k8p"], lines);
    }

    [Fact]
    public void Cat_PrintsMountedFiles()
    {
        var run = Sim.Script("cat /etc/config/app.properties", files: new() { ["/etc/config/app.properties"] = "color=blue\nsize=3\n" });

        Assert.Equal(["color=blue", "size=3"], Sim.Lines(run));
        Assert.Equal(0, run.Outcome.ExitCode);
    }

    [Fact]
    public void Cat_MissingFile_BusyboxWording()
    {
        var run = Sim.Script("cat /etc/config/missing.conf");

        Assert.Equal(["cat: can't open '/etc/config/missing.conf': No such file or directory"], Sim.Lines(run));
        Assert.Equal(1, run.Outcome.ExitCode);
    }

    [Fact]
    public void Cat_MissingFile_GnuWording() =>
        Assert.Equal(["cat: /nope: No such file or directory"], Sim.Lines(Sim.Script("cat /nope", image: "debian")));

    [Fact]
    public void MissingCommand_AshDashAndBashWordItDifferently()
    {
        var ash = Sim.Script("echo start; python3 -c 'print(1)'", image: "nginx:alpine");
        var dash = Sim.Script("python3 app.py", image: "nginx", shell: "/bin/sh");
        var bash = Sim.Script("echo ok\npython3 app.py", image: "nginx", shell: "bash");

        Assert.Equal(["start", "sh: python3: not found"], Sim.Lines(ash));
        Assert.Equal(127, ash.Outcome.ExitCode);
        Assert.Equal(["/bin/sh: 1: python3: not found"], Sim.Lines(dash));
        Assert.Equal(["ok", "bash: line 2: python3: command not found"], Sim.Lines(bash));
        Assert.Equal(127, bash.Outcome.ExitCode);
    }

    [Fact]
    public void BashMissingFromAlpine_IsAStartError() =>
        Assert.Equal(ProgramOutcomeKind.StartError, Sim.Script("echo hi", image: "nginx:alpine", shell: "bash").Outcome.Kind);

    [Theory]
    [InlineData("busybox", "sh", "sh: syntax error: unterminated quoted string")]
    [InlineData("debian", "sh", "sh: 1: Syntax error: Unterminated quoted string")]
    [InlineData("debian", "bash", "bash: -c: line 1: unexpected EOF while looking for matching `''")]
    public void UnterminatedQuote_PrintsTheShellsSyntaxErrorAndExits2(string image, string shell, string message)
    {
        var run = Sim.Script("echo 'hello", image: image, shell: shell);

        Assert.Equal([message], Sim.Lines(run));
        Assert.Equal(2, run.Outcome.ExitCode);
        Assert.Equal(LogStreamKind.Stderr, run.LinesUpTo(TimeSpan.FromSeconds(1), 1)[0].Stream);
    }

    [Fact]
    public void ShMissingScriptArgument_Exits2() =>
        Assert.Equal(["sh: -c requires an argument"], Sim.Lines(Sim.Run("busybox", command: ["sh", "-c"])));

    [Fact]
    public void IfAndTest_BranchOnFilesAndStrings()
    {
        var lines = Sim.Lines(Sim.Script(
            "if [ -f /etc/config/x ]; then echo has-x; else echo no-x; fi; if [ \"$MODE\" = prod ] && [ 3 -gt 2 ]; then echo prod; fi; [ -z \"$NOPE\" ] && echo empty",
            env: [("MODE", "prod")], files: new() { ["/etc/config/x"] = "1" }));

        Assert.Equal(["has-x", "prod", "empty"], lines);
    }

    [Fact]
    public void Test_IntegerErrorsAreReported()
    {
        var run = Sim.Script("[ abc -gt 1 ]; echo $?", image: "debian", shell: "bash");

        Assert.Equal(["bash: line 1: [: abc: integer expression expected", "2"], Sim.Lines(run));
    }

    [Fact]
    public void FiniteLoops_RunToCompletion()
    {
        var run = Sim.Script("i=0; while [ $i -lt 3 ]; do echo \"i=$i\"; i=$((i+1)); sleep 1; done; for x in a b; do echo $x; done; until true; do echo never; done; echo done");

        Assert.Equal(["i=0", "i=1", "i=2", "a", "b", "done"], Sim.Lines(run));
        Assert.Equal(TimeSpan.FromSeconds(3), run.Outcome.At);
    }

    [Fact]
    public void BreakAndContinue_ControlLoops()
    {
        var lines = Sim.Lines(Sim.Script("for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done"));

        Assert.Equal(["1", "3"], lines);
    }

    [Fact]
    public void Pipelines_FeedOutputToTheNextCommand()
    {
        var lines = Sim.Lines(Sim.Script("printf 'b\\na\\nb\\n' | sort | uniq -c; echo hello | tr a-z A-Z; env | grep -c HOSTNAME; echo a:b:c | cut -d: -f2"));

        Assert.Equal(["      1 a", "      2 b", "HELLO", "1", "b"], lines);
    }

    [Fact]
    public void Redirections_WriteFilesAndSilenceOutput()
    {
        var lines = Sim.Lines(Sim.Script("echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; echo hidden > /dev/null; ls /nope 2>/dev/null || echo 'ls failed'; echo err 1>&2"));

        Assert.Equal(["one", "two", "ls failed", "err"], lines);
    }

    [Fact]
    public void Redirection_IntoReadOnlyConfigMapMount_Fails()
    {
        var run = Sim.Script("echo x > /etc/config/app.conf; echo $?", files: new() { ["/etc/config/app.conf"] = "a" });

        Assert.Equal(["sh: can't create /etc/config/app.conf: Read-only file system", "2"], Sim.Lines(run));
    }

    [Fact]
    public void SetE_StopsAtTheFirstFailure()
    {
        var run = Sim.Script("set -e; echo a; false; echo b");

        Assert.Equal(["a"], Sim.Lines(run));
        Assert.Equal(1, run.Outcome.ExitCode);
    }

    [Fact]
    public void SetE_IgnoresFailuresInConditions()
    {
        var run = Sim.Script("set -e; if false; then echo no; fi; false || echo rescued; echo end");

        Assert.Equal(["rescued", "end"], Sim.Lines(run));
    }

    [Fact]
    public void SetX_TracesCommandsToStderr()
    {
        var lines = Sim.Run("busybox", command: ["sh", "-xc", "echo 'a b'; X=1"]).LinesUpTo(TimeSpan.FromSeconds(1), 10);

        Assert.Equal(["+ echo 'a b'", "a b", "+ X=1"], lines.Select(l => l.Text));
        Assert.Equal(LogStreamKind.Stderr, lines[0].Stream);
    }

    [Fact]
    public void DashEcho_InterpretsEscapesWhileBashEchoDoesNot()
    {
        Assert.Equal(["a", "b"], Sim.Lines(Sim.Script("echo 'a\\nb'", image: "debian")));
        Assert.Equal(["a\\nb"], Sim.Lines(Sim.Script("echo 'a\\nb'", image: "debian", shell: "bash")));
        Assert.Equal(["-e x"], Sim.Lines(Sim.Script("echo -e x", image: "debian")));
        Assert.Equal(["a", "b"], Sim.Lines(Sim.Script("echo -e 'a\\nb'")));
    }

    [Fact]
    public void ExecBuiltin_ReplacesTheShellWithTheProgram()
    {
        var run = Sim.Script("echo configuring; exec nginx -g 'daemon off;'", image: "nginx");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Equal("configuring", Sim.Lines(run)[0]);
        Assert.Contains(Sim.Lines(run), l => l.EndsWith("start worker processes", StringComparison.Ordinal));
        Assert.Equal("nginx: master process nginx -g daemon off;", run.Processes[0].Command);
    }

    [Fact]
    public void SleepInfinity_KeepsTheContainerRunning()
    {
        var run = Sim.Script("echo ready; sleep infinity");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Equal(["ready"], Sim.Lines(run));
        Assert.Contains(run.Processes, p => p.Command == "sleep infinity");
    }

    [Fact]
    public void TailFollowDevNull_KeepsTheContainerRunning() =>
        Assert.Equal(ProgramOutcomeKind.Running, Sim.Run("busybox", command: ["tail", "-f", "/dev/null"]).Outcome.Kind);

    [Fact]
    public void MountedScriptWithShebang_RunsThroughItsInterpreter()
    {
        var run = Sim.Run("alpine", command: ["/scripts/start.sh", "world"],
            files: new() { ["/scripts/start.sh"] = "#!/bin/sh\necho \"hello $1\"\nexit 4\n" });

        Assert.Equal(["hello world"], Sim.Lines(run));
        Assert.Equal(4, run.Outcome.ExitCode);
    }

    [Fact]
    public void ScriptFileErrors_NameTheFileAndLine()
    {
        var run = Sim.Run("alpine", command: ["sh", "/scripts/start.sh"], files: new() { ["/scripts/start.sh"] = "echo one\nmissing-tool --flag\n" });

        Assert.Equal(["one", "/scripts/start.sh: line 2: missing-tool: not found"], Sim.Lines(run));
    }

    [Fact]
    public void WhileReadLoop_ConsumesARedirectedFile()
    {
        var lines = Sim.Lines(Sim.Script("while read k v; do echo \"$v=$k\"; done < /etc/pairs", files: new() { ["/etc/pairs"] = "a 1\nb 2\n" }));

        Assert.Equal(["1=a", "2=b"], lines);
    }

    [Fact]
    public void BackgroundJobsAndWait_MergeOutputByTime()
    {
        var run = Sim.Script("(sleep 2; echo background) & echo foreground; wait; echo done");

        Assert.Equal(
            [(TimeSpan.Zero, "foreground"), (TimeSpan.FromSeconds(2), "background"), (TimeSpan.FromSeconds(2), "done")],
            run.LinesUpTo(TimeSpan.FromMinutes(1), 10).Select(l => (l.Offset, l.Text)));
    }

    [Fact]
    public void UnknownCommandInPipeline_PrintsNothingAndTheScriptContinues()
    {
        var run = Sim.Script("echo before; curl -s http://svc | tee /tmp/out; echo after", image: "curlimages/curl");

        Assert.Equal(["before", "after"], Sim.Lines(run));
        Assert.Equal(ProgramOutcomeKind.Exited, run.Outcome.Kind);
        Assert.Contains(run.Notes, n => n.Contains("print nothing and succeed", StringComparison.Ordinal));
    }

    [Fact]
    public void UnsupportedConstruct_RunsQuietlyWithANote()
    {
        var run = Sim.Script("case $X in a) echo a;; esac");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Contains(run.Notes, n => n.StartsWith("case statements in the script are not simulated", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkingDirectory_ComesFromTheImageOrThePodSpec()
    {
        Assert.Equal(["/data"], Sim.Lines(Sim.Script("pwd", image: "redis")));
        var container = Sim.Container("busybox", command: ["sh", "-c", "pwd; cd /tmp && pwd"]) with { WorkingDir = "/srv" };
        Assert.Equal(["/srv", "/tmp"], Sim.Lines(ProgramInterpreter.Run(container)));
    }

    [Fact]
    public void Glob_ExpandsAgainstMountedFiles()
    {
        var lines = Sim.Lines(Sim.Script("for f in /etc/config/*.conf; do echo $f; done; echo /etc/config/*.none",
            files: new() { ["/etc/config/b.conf"] = "", ["/etc/config/a.conf"] = "", ["/etc/config/c.txt"] = "" }));

        Assert.Equal(["/etc/config/a.conf", "/etc/config/b.conf", "/etc/config/*.none"], lines);
    }
}
