namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>
/// A feature's Background, run once for the feature's scenarios (they only send requests, so sharing it changes nothing they
/// check): a Router of its own (a default backend of one feature would answer another's 404s), a new random namespace and the
/// feature's objects.
/// </summary>
public abstract class FeatureBackground : IAsyncLifetime
{
    public ConformanceCluster Cluster { get; private set; } = null!;

    public string Namespace { get; private set; } = "";

    /// <summary>The third octet of the feature's pod addresses (127.24.subnet.x), so features running side by side never share one.</summary>
    protected abstract int Subnet { get; }

    public async Task InitializeAsync()
    {
        Cluster = await ConformanceCluster.StartAsync(Subnet);
        try
        {
            Namespace = Cluster.NewRandomNamespace();
            await ArrangeAsync();
        }
        catch
        {
            await Cluster.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    protected abstract Task ArrangeAsync();
}
