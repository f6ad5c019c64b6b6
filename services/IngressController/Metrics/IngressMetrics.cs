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
    private long _loadBalancers;
    private long _ingresses;
    private long _certificates;
    private long _hostsWithoutCertificate;

    public IngressMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? StaticMeter;
        _writes = meter.CreateCounter<long>("ingress_aws_writes", description: "AWS writes made by the controller, by operation");
        _inventoryReads = meter.CreateCounter<long>("ingress_inventory_reads", description: "Full reads of the controller's AWS resources (resyncs and recoveries)");
        _statusUpdates = meter.CreateCounter<long>("ingress_status_updates", description: "Ingress status writes");
        meter.CreateObservableGauge("ingress_load_balancers", () => Interlocked.Read(ref _loadBalancers), description: "Load balancers the controller owns");
        meter.CreateObservableGauge("ingress_ingresses", () => Interlocked.Read(ref _ingresses), description: "Ingresses of our class");
        meter.CreateObservableGauge("ingress_certificates", () => Interlocked.Read(ref _certificates), description: "ISSUED ACM certificates known");
        meter.CreateObservableGauge("ingress_hosts_without_certificate", () => Interlocked.Read(ref _hostsWithoutCertificate), description: "Hosts no certificate covers");
    }

    public void Write(string operation) => _writes.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void InventoryRead() => _inventoryReads.Add(1);

    public void StatusUpdate() => _statusUpdates.Add(1);

    public void Observe(int loadBalancers, int ingresses, int certificates, int hostsWithoutCertificate)
    {
        Interlocked.Exchange(ref _loadBalancers, loadBalancers);
        Interlocked.Exchange(ref _ingresses, ingresses);
        Interlocked.Exchange(ref _certificates, certificates);
        Interlocked.Exchange(ref _hostsWithoutCertificate, hostsWithoutCertificate);
    }
}
