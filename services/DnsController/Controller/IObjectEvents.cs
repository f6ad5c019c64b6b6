using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Controller;

/// <summary>Where the user hears about records: Events on the Ingress or Service.</summary>
public interface IObjectEvents
{
    void Normal(SourceObject about, string reason, string message);

    void Warning(SourceObject about, string reason, string message);
}
