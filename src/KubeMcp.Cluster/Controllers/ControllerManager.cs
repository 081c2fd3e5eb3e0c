using System.Threading.Channels;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Store;
using Microsoft.Extensions.Logging;

namespace KubeMcp.Cluster.Controllers;

/// <summary>
/// Runs the controllers: one watch pump per watched resource feeding one de-duplicating work queue, drained by a
/// single worker so reconciles never race each other. <see cref="WaitForIdleAsync"/> lets tests wait until the
/// cluster has settled instead of sleeping.
/// </summary>
internal sealed class ControllerManager : IAsyncDisposable
{
    private readonly ObjectRegistry _registry;
    private readonly ILogger _logger;
    private readonly List<Controller> _controllers = [];
    private readonly List<ObjectStore.Watcher> _watchers = [];
    private readonly List<Task> _pumps = [];
    private readonly Channel<(Controller, string)> _queue = Channel.CreateUnbounded<(Controller, string)>();
    private readonly HashSet<(Controller, string)> _pending = [];
    private readonly Dictionary<(Controller, string), int> _failures = [];
    private readonly List<ITimer> _timers = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly EventRecorder _events;
    private Task? _worker;
    private int _busy;

    public ControllerManager(ObjectRegistry registry, ILogger logger)
    {
        _registry = registry;
        _logger = logger;
        _events = new EventRecorder(registry);
    }

    public EventRecorder Events => _events;

    public void Add(Controller controller) => _controllers.Add(controller);

    public void Start()
    {
        foreach (var controller in _controllers)
        {
            foreach (var watch in controller.Watches)
            {
                var watcher = _registry.Store.Watch(watch.StorageKey, null, sendInitial: true, _ => true);
                _watchers.Add(watcher);
                _pumps.Add(PumpAsync(controller, watch, watcher));
            }
        }
        _worker = Task.Run(WorkAsync);
    }

    /// <summary>Puts a key on the queue (deduplicated with keys already waiting).</summary>
    public void Enqueue(Controller controller, string key)
    {
        lock (_gate)
        {
            if (!_pending.Add((controller, key)))
            {
                return;
            }
        }
        _queue.Writer.TryWrite((controller, key));
    }

    /// <summary>
    /// Completes when no watch event is waiting to be mapped, no key is queued and no reconcile is running — the
    /// point where the cluster has reacted to everything that has happened so far.
    /// </summary>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        var quiet = 0;
        while (quiet < 3)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool idle;
            lock (_gate)
            {
                // The store's watch channels are single-reader and cannot count; peeking says whether one waits.
                idle = _pending.Count == 0 && Volatile.Read(ref _busy) == 0 && !_watchers.Any(w => w.Events.TryPeek(out _));
            }
            quiet = idle ? quiet + 1 : 0;
            await Task.Delay(idle ? 2 : 5, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _queue.Writer.TryComplete();
        lock (_gate)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }
            _timers.Clear();
        }
        try
        {
            await Task.WhenAll([.. _pumps, _worker ?? Task.CompletedTask]);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task PumpAsync(Controller controller, ControllerWatch watch, ObjectStore.Watcher watcher)
    {
        try
        {
            await foreach (var e in watcher.Events.ReadAllAsync(_stop.Token))
            {
                // Counted as busy while mapping, so that idleness is never seen between dequeue and enqueue.
                Interlocked.Increment(ref _busy);
                try
                {
                    foreach (var key in watch.KeysFor(e))
                    {
                        Enqueue(controller, key);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _busy);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                Interlocked.Increment(ref _busy);
                lock (_gate)
                {
                    _pending.Remove(item);
                }
                try
                {
                    var (controller, key) = item;
                    var context = new ControllerContext(_registry, _events, (k, after) => Requeue(controller, k, after));
                    controller.Reconcile(key, context);
                    lock (_gate)
                    {
                        _failures.Remove(item);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    int failures;
                    lock (_gate)
                    {
                        failures = _failures[item] = _failures.GetValueOrDefault(item) + 1;
                    }
                    if (e is Api.ApiException { Code: 409 } && failures < 3)
                    {
                        Enqueue(item.Item1, item.Item2);
                    }
                    else
                    {
                        _logger.LogWarning("{Controller} failed to reconcile {Key}: {Message}", item.Item1.Name, item.Item2, e.Message);
                        Requeue(item.Item1, item.Item2, TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(failures, 8)))));
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _busy);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Requeue(Controller controller, string key, TimeSpan after)
    {
        if (after <= TimeSpan.Zero)
        {
            Enqueue(controller, key);
            return;
        }
        ITimer? timer = null;
        timer = _registry.Clock.CreateTimer(_ =>
        {
            lock (_gate)
            {
                _timers.Remove(timer!);
            }
            timer!.Dispose();
            if (!_stop.IsCancellationRequested)
            {
                Enqueue(controller, key);
            }
        }, null, after, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _timers.Add(timer);
        }
    }
}
