using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Shell;

// Loops and background jobs: the parts of execution that decide how time and endless work are modelled.
internal sealed partial class ShellRunner
{
    private int ExecuteLoop(LoopNode loop, CommandIO io)
    {
        if (LoopAnalysis.IsEndless(loop))
        {
            EnterEndlessLoop(loop, io);
        }
        var mainFlow = Machine.Mode == ExecutionMode.Container && Machine.Depth == 0 && Machine.Background == 0;
        // Nothing outside changes in the simulated world, so a loop that keeps no state and does not read the clock
        // repeats its first iteration forever once that iteration did not end it (until nslookup …; while [ ! -f … ]).
        var repeatsExactly = mainFlow && !LoopAnalysis.Mutates(loop) && !LoopAnalysis.ReadsClock(loop);
        var status = 0;
        for (var iteration = 0; ; iteration++)
        {
            Machine.Step();
            if (iteration == EagerIterations && mainFlow)
            {
                // A long-running loop that could still end: continue it lazily from here.
                throw new InfiniteLoopSignal(SequentialTail(loop, io), null);
            }
            var start = Machine.Clock;
            var lines = Machine.Output is LogCollector collector ? collector.Count : 0;
            var condition = Condition(loop.Condition, io);
            if (loop.Until ? condition == 0 : condition != 0)
            {
                return status;
            }
            try
            {
                status = ExecuteList(loop.Body, io);
            }
            catch (LoopControlSignal signal)
            {
                if (signal.Levels > 1)
                {
                    throw new LoopControlSignal(signal.IsBreak, signal.Levels - 1);
                }
                if (signal.IsBreak)
                {
                    return status;
                }
            }
            if (iteration == 0 && repeatsExactly)
            {
                ContinueForever(loop, io, start, lines);
            }
        }
    }

    /// <summary>Runs one loop iteration (condition, then body); false when the loop ends.</summary>
    public bool RunLoopIteration(LoopNode loop, CommandIO io)
    {
        var condition = Condition(loop.Condition, io);
        if (loop.Until ? condition == 0 : condition != 0)
        {
            return false;
        }
        try
        {
            ExecuteList(loop.Body, io);
        }
        catch (LoopControlSignal signal)
        {
            return !signal.IsBreak;
        }
        return true;
    }

    private void EnterEndlessLoop(LoopNode loop, CommandIO io)
    {
        if (Machine.Mode == ExecutionMode.Exec || Machine.Depth > 0 || Machine.Background > 0)
        {
            throw new NotUnderstoodException("while",
                "an endless loop inside a pipeline, command substitution, background job or exec session is not simulated");
        }
        // The first iteration runs for real, so anything in it that ends the container (a server, OOM) applies.
        var start = Machine.Clock;
        var lines = Machine.Output is LogCollector collector ? collector.Count : 0;
        RunLoopIteration(loop, io);
        ContinueForever(loop, io, start, lines);
    }

    // After one real iteration (from start, which had written the given number of lines), the rest of an endless loop
    // becomes a log tail: computed per iteration when iterations are alike, replayed in order otherwise.
    private void ContinueForever(LoopNode loop, CommandIO io, TimeSpan start, int lines)
    {
        var period = Machine.Clock - start;
        if (period == TimeSpan.Zero)
        {
            var printed = Machine.Output is LogCollector after && after.Count > lines;
            Machine.Trace.SetCpu(Machine.Clock, Math.Min(1000, Machine.Env.Program.CpuLimitMillicores ?? 1000));
            if (!printed)
            {
                throw new RunsForeverSignal();
            }
            // A loop that never sleeps prints as fast as it can; one iteration per millisecond stands in for that.
            period = TimeSpan.FromMilliseconds(1);
            Machine.Clock = start + period;
        }
        if (!LoopAnalysis.Mutates(loop))
        {
            var snapshot = State.Clone();
            var files = Machine.Files.Clone();
            var tail = PeriodicLoopTail.TryCreate(at => Detached(loop, io, snapshot.Clone(), files.Clone(), at), Machine.Clock, period);
            if (tail is not null)
            {
                throw new InfiniteLoopSignal(tail, null);
            }
        }
        throw new InfiniteLoopSignal(SequentialTail(loop, io), null);
    }

    private SequentialLoopTail SequentialTail(LoopNode loop, CommandIO io)
    {
        var state = State.Clone();
        var files = Machine.Files.Clone();
        var clock = Machine.Clock;
        return new SequentialLoopTail(() =>
        {
            var iteration = Detached(loop, io, state, files, clock);
            clock = iteration.End;
            return iteration;
        }, clock);
    }

    // One iteration on a forked machine whose log is separate, so the tail can produce it on its own.
    private LoopIteration Detached(LoopNode loop, CommandIO io, ShellState state, VirtualFileSystem files, TimeSpan at)
    {
        var collector = new LogCollector();
        var machine = Machine.Fork(collector, at, files);
        var detachedIO = new CommandIO(null, io.Out.Rebind(Machine.Output, collector, files), io.Err.Rebind(Machine.Output, collector, files));
        var runner = new ShellRunner(machine, state, Messages, detachedIO);
        bool continues;
        try
        {
            continues = runner.RunLoopIteration(loop, detachedIO);
        }
        catch (Exception e) when (e is ShellExitSignal or NotUnderstoodException or RunsForeverSignal or InfiniteLoopSignal)
        {
            continues = false;
        }
        collector.Flush(machine.Clock);
        return new LoopIteration(collector.Lines(), machine.Clock, continues);
    }

    private int RunBackground(ShellNode node, CommandIO io)
    {
        var start = Machine.Clock;
        var job = new ShellRunner(Machine, State.Clone(), Messages, io with { Stdin = null });
        Machine.Background++;
        TimeSpan? end;
        try
        {
            job.Execute(node, io with { Stdin = null });
            end = Machine.Clock;
        }
        catch (ShellExitSignal)
        {
            end = Machine.Clock;
        }
        catch (RunsForeverSignal)
        {
            end = null;
        }
        catch (NotUnderstoodException e) when (Machine.Mode == ExecutionMode.Container)
        {
            Machine.Trace.Notes.Add($"background job: {e.Message}; it is assumed to keep running quietly");
            end = null;
        }
        finally
        {
            Machine.Background--;
            Machine.Clock = start;
        }
        backgroundJobs.Add(end);
        State.LastBackgroundPid = Machine.NextPid();
        return 0;
    }

    /// <summary><c>wait</c>: the clock moves to when the last background job ends.</summary>
    public int WaitForJobs()
    {
        if (backgroundJobs.Any(j => j is null))
        {
            throw Machine.RunsForever("wait");
        }
        var latest = backgroundJobs.Select(j => j!.Value).DefaultIfEmpty(Machine.Clock).Max();
        if (latest > Machine.Clock)
        {
            Machine.Clock = latest;
        }
        backgroundJobs.Clear();
        return 0;
    }
}
