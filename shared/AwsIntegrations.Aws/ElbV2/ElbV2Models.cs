namespace AwsIntegrations.Aws;

// Elastic Load Balancing v2 shapes as the suite uses them (names follow the botocore model, elbv2 2015-12-01).

public sealed record LoadBalancerDescription(
    string Arn,
    string Name,
    string DnsName,
    string CanonicalHostedZoneId,
    string Scheme,
    string Type,
    string VpcId,
    string State,
    DateTimeOffset CreatedTime,
    IReadOnlyList<LoadBalancerZone> AvailabilityZones,
    IReadOnlyList<string> SecurityGroups,
    string? IpAddressType);

public sealed record LoadBalancerZone(string ZoneName, string SubnetId);

public sealed record CreateLoadBalancerRequest(string Name, IReadOnlyList<string> Subnets)
{
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    /// <summary>internet-facing or internal.</summary>
    public string Scheme { get; init; } = "internet-facing";

    /// <summary>application or network.</summary>
    public string Type { get; init; } = "application";

    public string? IpAddressType { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

public sealed record TargetGroupDescription(
    string Arn,
    string Name,
    string? Protocol,
    int? Port,
    string? VpcId,
    string TargetType,
    TargetGroupHealthCheck HealthCheck,
    IReadOnlyList<string> LoadBalancerArns);

public sealed record TargetGroupHealthCheck
{
    public string? Protocol { get; init; }
    public string? Port { get; init; }
    public string? Path { get; init; }
    public bool? Enabled { get; init; }
    public int? IntervalSeconds { get; init; }
    public int? TimeoutSeconds { get; init; }
    public int? HealthyThresholdCount { get; init; }
    public int? UnhealthyThresholdCount { get; init; }

    /// <summary>HTTP codes that count as healthy, e.g. "200" or "200-399".</summary>
    public string? SuccessCodes { get; init; }
}

public sealed record CreateTargetGroupRequest(string Name, string Protocol, int Port, string VpcId)
{
    /// <summary>instance, ip or lambda.</summary>
    public string TargetType { get; init; } = "instance";

    public TargetGroupHealthCheck HealthCheck { get; init; } = new();

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

public sealed record TargetDescription(string Id, int? Port = null, string? AvailabilityZone = null);

/// <summary>State is initial, healthy, unhealthy, unused, draining or unavailable.</summary>
public sealed record TargetHealthDescription(TargetDescription Target, string State, string? Reason, string? Description, string? HealthCheckPort);

public sealed record ListenerDescription(
    string Arn,
    string LoadBalancerArn,
    int Port,
    string Protocol,
    string? SslPolicy,
    IReadOnlyList<ListenerCertificate> Certificates,
    IReadOnlyList<ListenerActionSpec> DefaultActions);

public sealed record ListenerCertificate(string CertificateArn, bool IsDefault);

/// <summary>A listener's default action: forward (TargetGroupArn), redirect or fixed-response.</summary>
public sealed record ListenerActionSpec(string Type)
{
    public string? TargetGroupArn { get; init; }
    public int? Order { get; init; }
    public RedirectActionSpec? Redirect { get; init; }
    public FixedResponseActionSpec? FixedResponse { get; init; }

    public static ListenerActionSpec Forward(string targetGroupArn) => new("forward") { TargetGroupArn = targetGroupArn };
}

/// <summary>StatusCode is HTTP_301 or HTTP_302; the other parts default to the request's (#{protocol} …).</summary>
public sealed record RedirectActionSpec(string StatusCode)
{
    public string? Protocol { get; init; }
    public string? Port { get; init; }
    public string? Host { get; init; }
    public string? Path { get; init; }
    public string? Query { get; init; }
}

public sealed record FixedResponseActionSpec(string StatusCode)
{
    public string? ContentType { get; init; }
    public string? MessageBody { get; init; }
}

public sealed record CreateListenerRequest(string LoadBalancerArn, string Protocol, int Port, IReadOnlyList<ListenerActionSpec> DefaultActions)
{
    public string? SslPolicy { get; init; }

    /// <summary>The default certificate (HTTPS/TLS listeners); more go through AddListenerCertificates.</summary>
    public string? DefaultCertificateArn { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

public sealed record ModifyListenerRequest(string ListenerArn)
{
    public int? Port { get; init; }
    public string? Protocol { get; init; }
    public string? SslPolicy { get; init; }
    public string? DefaultCertificateArn { get; init; }
    public IReadOnlyList<ListenerActionSpec>? DefaultActions { get; init; }
}
