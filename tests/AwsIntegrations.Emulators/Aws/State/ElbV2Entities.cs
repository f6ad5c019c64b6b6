namespace AwsIntegrations.Emulators.Aws;

// The Elastic Load Balancing v2 side of the emulated account.

public sealed class LoadBalancer
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string Scheme { get; init; }
    public required string DnsName { get; init; }
    public required string CanonicalHostedZoneId { get; init; }
    public required string VpcId { get; init; }
    public List<string> SubnetIds { get; set; } = [];
    public List<string> SecurityGroups { get; set; } = [];
    public string IpAddressType { get; init; } = "ipv4";
    public string State { get; set; } = "active";
    public DateTimeOffset CreatedTime { get; init; }

    /// <summary>When the load balancer stops provisioning (<see cref="AwsBehavior.LoadBalancerProvisioning"/> after creation).</summary>
    public DateTimeOffset ActiveAt { get; init; }

    /// <summary>When DescribeLoadBalancers starts to show it (<see cref="AwsBehavior.LoadBalancerVisibility"/> after creation).</summary>
    public DateTimeOffset VisibleAt { get; init; }

    public Dictionary<string, string> Attributes { get; init; } = [];

    public bool IsActive(DateTimeOffset now) => State == "active" && now >= ActiveAt;
}

public sealed class TargetGroup
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    public string? VpcId { get; init; }
    public string TargetType { get; init; } = "instance";
    public string? HealthCheckProtocol { get; set; }
    public string? HealthCheckPort { get; set; }
    public string? HealthCheckPath { get; set; }
    public int HealthCheckIntervalSeconds { get; set; } = 30;
    public int HealthCheckTimeoutSeconds { get; set; } = 5;
    public int HealthyThresholdCount { get; set; } = 5;
    public int UnhealthyThresholdCount { get; set; } = 2;
    public bool HealthCheckEnabled { get; set; } = true;
    public string? Matcher { get; set; }
    public List<EmulatedTarget> Targets { get; } = [];

    /// <summary>Target group attributes (DescribeTargetGroupAttributes), AWS's defaults until modified.</summary>
    public Dictionary<string, string> Attributes { get; } = ElbV2TargetGroupAttributes.Defaults();
}

public sealed record EmulatedTarget(string Id, int? Port, string? AvailabilityZone)
{
    /// <summary>When RegisterTargets last registered it (health checks start then, or when its load balancer is active).</summary>
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>When DeregisterTargets was called; the target is draining until the deregistration delay has passed.</summary>
    public DateTimeOffset? DeregisteredAt { get; set; }

    /// <summary>Health a test forces (healthy, unhealthy, draining…); null: derived from the instance and the target group's use.</summary>
    public string? HealthOverride { get; set; }
}

public sealed class Listener
{
    public required string Arn { get; init; }
    public required string LoadBalancerArn { get; init; }
    public int Port { get; set; }
    public required string Protocol { get; set; }
    public string? SslPolicy { get; set; }
    public List<(string Arn, bool IsDefault)> Certificates { get; } = [];
    public List<ListenerAction> DefaultActions { get; set; } = [];
}

public sealed record ListenerAction(string Type, string? TargetGroupArn, int? Order)
{
    public Dictionary<string, string>? Redirect { get; init; }
    public Dictionary<string, string>? FixedResponse { get; init; }
}
