using System.Collections.Concurrent;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>Every call the emulator answered, in order; tests assert exactly which operations ran and how often.</summary>
public sealed class CallLog
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    public IReadOnlyList<RecordedCall> All => [.. _calls];

    public void Add(RecordedCall call) => _calls.Enqueue(call);

    public void Clear() => _calls.Clear();

    public int Count(string service, string operation) => All.Count(c => c.Service == service && c.Operation == operation);

    public IReadOnlyList<RecordedCall> Of(string service, string? operation = null) =>
        All.Where(c => c.Service == service && (operation is null || c.Operation == operation)).ToList();
}
