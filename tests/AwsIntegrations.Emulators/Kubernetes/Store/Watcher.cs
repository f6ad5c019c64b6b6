using System.Threading.Channels;
using AwsIntegrations.Emulators.Kubernetes.Selection;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>One open watch: the store pushes matching events into its channel in commit order.</summary>
public sealed class Watcher(ResourceDefinition definition, string? ns, LabelSelector labels, FieldSelector fields)
{
    private readonly Channel<StoredEvent> _events = Channel.CreateUnbounded<StoredEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ResourceDefinition Definition { get; } = definition;

    public ChannelReader<StoredEvent> Events => _events.Reader;

    /// <summary>Set when the server drops the watch (fault injection, restart): the handler aborts the connection.</summary>
    public bool Dropped { get; private set; }

    internal void Offer(StoredEvent change)
    {
        if (change.Object.Definition != Definition || (ns is not null && change.Object.Namespace != ns))
        {
            return;
        }

        var now = Matches(change.Object);
        var before = change.Previous is not null && Matches(change.Previous);
        var type = change.Type switch
        {
            "MODIFIED" when now && !before => "ADDED",
            "MODIFIED" when !now && before => "DELETED",
            "MODIFIED" when now => "MODIFIED",
            "ADDED" when now => "ADDED",
            "DELETED" when now => "DELETED",
            _ => null,
        };
        if (type is not null)
        {
            _events.Writer.TryWrite(type == change.Type ? change : change with { Type = type });
        }
    }

    internal void Bookmark(long resourceVersion) =>
        _events.Writer.TryWrite(new StoredEvent(resourceVersion, "BOOKMARK", null!, null));

    internal void Drop()
    {
        Dropped = true;
        _events.Writer.TryComplete();
    }

    internal void Close() => _events.Writer.TryComplete();

    internal bool Matches(StoredObject candidate) => labels.Matches(candidate.Labels) && fields.Matches(candidate.Fields);
}
