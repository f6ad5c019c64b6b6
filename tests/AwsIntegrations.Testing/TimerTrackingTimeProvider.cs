using Microsoft.Extensions.Time.Testing;

namespace AwsIntegrations.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells how many of its timers are armed and how many were ever created, so a
/// test can wait until the code under test is parked on a delay before it advances the clock.
/// </summary>
public sealed class TimerTrackingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _timers = [];
    private int _created;

    public TimerTrackingTimeProvider()
    {
    }

    public TimerTrackingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Timers that will fire if the clock moves far enough.</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.Armed);
            }
        }
    }

    /// <summary>Timers ever created: code that re-arms after a wake-up shows it here.</summary>
    public int CreatedTimers => Volatile.Read(ref _created);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        lock (_gate)
        {
            _timers.Add(tracked);
            _created++;
            tracked.Arm(dueTime, period);
        }

        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.Fired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return tracked;
    }

    private sealed class TrackedTimer(TimerTrackingTimeProvider owner) : ITimer
    {
        private TimeSpan _period;

        public ITimer Inner { get; set; } = null!;

        public bool Armed { get; private set; }

        // Called under the owner's lock.
        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            Armed = dueTime != Timeout.InfiniteTimeSpan;
            _period = period;
        }

        public void Fired()
        {
            lock (owner._gate)
            {
                if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
                {
                    Armed = false;
                }
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                Arm(dueTime, period);
            }

            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                Armed = false;
                owner._timers.Remove(this);
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
