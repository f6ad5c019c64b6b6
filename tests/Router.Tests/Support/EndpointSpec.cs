namespace AwsIntegrations.Router.Tests.Support;

/// <summary>One endpoint of a slice as the EndpointSlice controller writes it.</summary>
public sealed record EndpointSpec(string Ip, bool Ready = true, bool Serving = true, bool Terminating = false)
{
    public static EndpointSpec ReadyAt(string ip) => new(ip);

    public static EndpointSpec TerminatingAt(string ip) => new(ip, Ready: false, Serving: true, Terminating: true);
}
