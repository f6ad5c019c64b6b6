using AwsIntegrations.DnsController.Options;

namespace AwsIntegrations.DnsController.Sources;

/// <summary>Defaults for records whose object does not say otherwise.</summary>
public sealed record RecordSettings(long DefaultTtl = 300, bool EvaluateTargetHealth = true, AaaaAlias AaaaAlias = AaaaAlias.Always, bool PreferCname = false)
{
    public static RecordSettings From(DnsControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RecordSettings(options.DefaultTtl, options.EvaluateTargetHealth, options.AaaaAlias, options.AwsPreferCname);
    }
}
