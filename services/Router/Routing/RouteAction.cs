namespace AwsIntegrations.Router.Routing;

/// <summary>What a route does after its filters: forward to its Service's endpoints, answer itself (&lt;shunt&gt;), or look the changed request up again (&lt;loopback&gt;).</summary>
public enum RouteAction
{
    Forward,
    Shunt,
    Loopback,
}
