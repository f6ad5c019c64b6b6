using DnsController.Options;

namespace DnsController.Sources;

/// <summary>Defaults for records whose object does not say otherwise.</summary>
public sealed record RecordSettings(long DefaultTtl = 300, bool EvaluateTargetHealth = true, AaaaAlias AaaaAlias = AaaaAlias.Always);
