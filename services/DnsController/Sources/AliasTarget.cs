namespace AwsIntegrations.DnsController.Sources;

/// <summary>What an ALIAS to a load balancer needs: its canonical hosted zone id, and whether it also answers AAAA.</summary>
public sealed record AliasTarget(string HostedZoneId, bool DualStack);
