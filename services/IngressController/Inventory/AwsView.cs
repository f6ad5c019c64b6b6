using AwsIntegrations.IngressController.Certificates;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// What the controller knows of AWS between passes. Everything (ELBv2, web ACL associations, the network) is read on the
/// first pass, every --resync-interval and after <see cref="Forget"/> (a failed write: what landed is unknown); between
/// resyncs the applier keeps the inventory, so a pass with nothing to change makes no AWS call, except that load balancers
/// still provisioning are read again by ARN (at most every <see cref="ProvisioningPoll"/>) until they are active. The
/// certificate list is read every --cert-polling-interval.
/// </summary>
public sealed class AwsView(
    InventoryReader inventoryReader, NetworkReader networkReader, WebAclReader? webAclReader, CertificateCache certificates,
    IngressMetrics metrics, TimeProvider time, IngressControllerOptions options)
{
    /// <summary>How often a load balancer still provisioning is read again.</summary>
    public static readonly TimeSpan ProvisioningPoll = TimeSpan.FromSeconds(15);

    private AwsInventory? _inventory;
    private NetworkView? _network;
    private DateTimeOffset _lastFullRead;
    private DateTimeOffset _lastStateRead;

    /// <summary>How long a pass may be put off at most: the certificate list is due again then.</summary>
    public TimeSpan CertificatePolling => options.CertPollingInterval;

    /// <summary>Reads what is due (AWS errors propagate; then call <see cref="Forget"/>).</summary>
    public async Task<AwsSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var full = _inventory is null || _network is null || now - _lastFullRead >= options.ResyncInterval * 0.9;
        if (full)
        {
            await ReadEverythingAsync(now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ReadProvisioningAsync(now, cancellationToken).ConfigureAwait(false);
        }

        await certificates.RefreshIfDueAsync(force: false, cancellationToken).ConfigureAwait(false);
        return new AwsSnapshot(_inventory!, _network!, certificates.Certificates, now, full);
    }

    /// <summary>Everything is read again on the next pass.</summary>
    public void Forget() => _inventory = null;

    /// <summary>The certificate list is read again on the next pass (ELBv2 refused an ACM certificate of it).</summary>
    public void ForgetCertificates() => certificates.Invalidate();

    private async Task ReadEverythingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inventory = await inventoryReader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (webAclReader is not null)
        {
            await webAclReader.ReadAsync(inventory, cancellationToken).ConfigureAwait(false);
        }

        _network = await networkReader.ReadAsync(cancellationToken).ConfigureAwait(false);
        _inventory = inventory;
        _lastFullRead = now;
        _lastStateRead = now;
        metrics.InventoryRead();
    }

    private async Task ReadProvisioningAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var provisioning = _inventory!.Albs.Values.Where(a => a.IsProvisioning).ToList();
        if (provisioning.Count == 0 || now - _lastStateRead < ProvisioningPoll * 0.9)
        {
            return;
        }

        await inventoryReader.RefreshStatesAsync(provisioning, cancellationToken).ConfigureAwait(false);
        _lastStateRead = now;
        metrics.StateRead();
    }
}
