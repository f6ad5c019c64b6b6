namespace AwsIntegrations.Router.Routing;

/// <summary>The current route table: replaced whole by the updater, read without locks by every request.</summary>
public sealed class RouteTableHolder
{
    private RouteTable _current = RouteTable.Empty;

    public RouteTable Current => Volatile.Read(ref _current);

    /// <summary>True once a table was built from synced caches.</summary>
    public bool IsLoaded { get; private set; }

    public DateTimeOffset LastUpdate { get; private set; }

    public void Swap(RouteTable table, DateTimeOffset now)
    {
        Volatile.Write(ref _current, table);
        LastUpdate = now;
        IsLoaded = true;
    }
}
