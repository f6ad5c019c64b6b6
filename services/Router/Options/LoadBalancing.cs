namespace AwsIntegrations.Router.Options;

/// <summary>How a backend's endpoints share requests (flag and annotation values are the kebab-case names).</summary>
public enum LoadBalancing
{
    RoundRobin,
    PowerOfTwoChoices,
    Random,
    ConsistentHash,
    LeastRequests,
}
