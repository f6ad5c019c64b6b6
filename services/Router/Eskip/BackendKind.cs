namespace AwsIntegrations.Router.Eskip;

/// <summary>eskip's backends: a network address, &lt;shunt&gt;, &lt;loopback&gt;, &lt;dynamic&gt;, &lt;forward&gt; or a load-balanced list.</summary>
public enum BackendKind
{
    Network,
    Shunt,
    Loopback,
    Dynamic,
    Forward,
    LoadBalanced,
}
