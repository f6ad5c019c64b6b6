using System.Diagnostics.Metrics;

namespace AwsIntegrations.IngressController.Metrics;

/// <summary>The controller's own figures (AWS and Kubernetes call counts come from the shared clients).</summary>
public sealed class IngressMetrics
{
    public const string MeterName = "AwsIntegrations.IngressController";

    private static readonly Meter StaticMeter = new(MeterName);
    private readonly Counter<long> _writes;
    private readonly Counter<long> _inventoryReads;
    private readonly Counter<long> _statusUpdates;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _stateReads;
    private long _loadBalancers;
    private long _ingresses;
    private long _certificates;
    private long _hostsWithoutCertificate;
    private long _hostsOnExpiringCertificate;

    public IngressMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? StaticMeter;
        _writes = meter.CreateCounter<long>("ingress_aws_writes", description: "AWS writes made by the controller, by operation");
        _inventoryReads = meter.CreateCounter<long>("ingress_inventory_reads", description: "Full reads of the controller's AWS resources (resyncs and recoveries)");
        _statusUpdates = meter.CreateCounter<long>("ingress_status_updates", description: "Ingress status writes");
        _refusals = meter.CreateCounter<long>("ingress_aws_refusals", description: "AWS writes refused for what one load balancer's Ingresses asked (the others went on), by operation and AWS error code");
        _stateReads = meter.CreateCounter<long>("ingress_load_balancer_state_reads", description: "DescribeLoadBalancers of just the load balancers still provisioning");
        meter.CreateObservableGauge("ingress_load_balancers", () => Interlocked.Read(ref _loadBalancers), description: "Load balancers the controller owns");
        meter.CreateObservableGauge("ingress_ingresses", () => Interlocked.Read(ref _ingresses), description: "Ingresses of our class");
        meter.CreateObservableGauge("ingress_certificates", () => Interlocked.Read(ref _certificates), description: "ISSUED ACM certificates known");
        meter.CreateObservableGauge("ingress_hosts_without_certificate", () => Interlocked.Read(ref _hostsWithoutCertificate), description: "Hosts no certificate covers");
        meter.CreateObservableGauge("ingress_hosts_on_expiring_certificate", () => Interlocked.Read(ref _hostsOnExpiringCertificate), description: "Hosts served with a certificate expiring within --min-cert-validity, as no other covers them");
    }

    public void Write(string operation) => _writes.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void InventoryRead() => _inventoryReads.Add(1);

    public void StatusUpdate() => _statusUpdates.Add(1);

    public void Refusal(string operation, string code) =>
        _refusals.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("code", code));

    public void StateRead() => _stateReads.Add(1);

    public void Observe(int loadBalancers, int ingresses, int certificates, int hostsWithoutCertificate, int hostsOnExpiringCertificate = 0)
    {
        Interlocked.Exchange(ref _hostsOnExpiringCertificate, hostsOnExpiringCertificate);
        Interlocked.Exchange(ref _loadBalancers, loadBalancers);
        Interlocked.Exchange(ref _ingresses, ingresses);
        Interlocked.Exchange(ref _certificates, certificates);
        Interlocked.Exchange(ref _hostsWithoutCertificate, hostsWithoutCertificate);
    }
}
