using AwsIntegrations.IngressController.Certificates;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// What a pass knows of AWS, as of <see cref="At"/>: our load balancers, the network, the usable certificates;
/// <see cref="FullRead"/> when everything was read again this pass (a resync, or after a failed write).
/// </summary>
public sealed record AwsSnapshot(AwsInventory Inventory, NetworkView Network, IReadOnlyList<CertificateInfo> Certificates, DateTimeOffset At, bool FullRead);
