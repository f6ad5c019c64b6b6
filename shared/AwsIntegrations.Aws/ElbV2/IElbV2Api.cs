namespace AwsIntegrations.Aws;

/// <summary>The Elastic Load Balancing v2 operations the suite uses. List operations return every page.</summary>
public interface IElbV2Api
{
    Task<IReadOnlyList<LoadBalancerDescription>> DescribeLoadBalancersAsync(IReadOnlyList<string>? arns = null, IReadOnlyList<string>? names = null, CancellationToken cancellationToken = default);

    Task<LoadBalancerDescription> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken = default);

    Task DeleteLoadBalancerAsync(string loadBalancerArn, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, string>> DescribeLoadBalancerAttributesAsync(string loadBalancerArn, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, string>> ModifyLoadBalancerAttributesAsync(string loadBalancerArn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> SetSecurityGroupsAsync(string loadBalancerArn, IReadOnlyList<string> securityGroups, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LoadBalancerZone>> SetSubnetsAsync(string loadBalancerArn, IReadOnlyList<string> subnets, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TargetGroupDescription>> DescribeTargetGroupsAsync(string? loadBalancerArn = null, IReadOnlyList<string>? arns = null, IReadOnlyList<string>? names = null, CancellationToken cancellationToken = default);

    Task<TargetGroupDescription> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken = default);

    Task<TargetGroupDescription> ModifyTargetGroupAsync(string targetGroupArn, TargetGroupHealthCheck healthCheck, CancellationToken cancellationToken = default);

    /// <summary>The target group's attributes (deregistration_delay.timeout_seconds, stickiness.*, …) as AWS reports them.</summary>
    Task<IReadOnlyDictionary<string, string>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken = default);

    /// <summary>Sets the given attributes (others keep their values); returns every attribute after the change.</summary>
    Task<IReadOnlyDictionary<string, string>> ModifyTargetGroupAttributesAsync(string targetGroupArn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default);

    Task DeleteTargetGroupAsync(string targetGroupArn, CancellationToken cancellationToken = default);

    Task RegisterTargetsAsync(string targetGroupArn, IReadOnlyList<TargetDescription> targets, CancellationToken cancellationToken = default);

    Task DeregisterTargetsAsync(string targetGroupArn, IReadOnlyList<TargetDescription> targets, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TargetHealthDescription>> DescribeTargetHealthAsync(string targetGroupArn, IReadOnlyList<TargetDescription>? targets = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ListenerDescription>> DescribeListenersAsync(string? loadBalancerArn = null, IReadOnlyList<string>? listenerArns = null, CancellationToken cancellationToken = default);

    Task<ListenerDescription> CreateListenerAsync(CreateListenerRequest request, CancellationToken cancellationToken = default);

    Task<ListenerDescription> ModifyListenerAsync(ModifyListenerRequest request, CancellationToken cancellationToken = default);

    Task DeleteListenerAsync(string listenerArn, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ListenerCertificate>> DescribeListenerCertificatesAsync(string listenerArn, CancellationToken cancellationToken = default);

    Task AddListenerCertificatesAsync(string listenerArn, IReadOnlyList<string> certificateArns, CancellationToken cancellationToken = default);

    Task RemoveListenerCertificatesAsync(string listenerArn, IReadOnlyList<string> certificateArns, CancellationToken cancellationToken = default);

    /// <summary>Tags per resource ARN (load balancers, target groups, listeners); asks in chunks of 20 ARNs.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> DescribeTagsAsync(IReadOnlyList<string> resourceArns, CancellationToken cancellationToken = default);

    Task AddTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    Task RemoveTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken = default);
}
