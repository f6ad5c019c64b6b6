namespace AwsIntegrations.IngressController.Inventory;

/// <summary>One of our load balancers (Application or Network) as last read or written.</summary>
public sealed class AlbState
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string DnsName { get; init; }

    public string State { get; set; } = LoadBalancerStates.Active;

    public string Scheme { get; init; } = "internet-facing";

    /// <summary><see cref="LoadBalancerTypes.Application"/> or <see cref="LoadBalancerTypes.Network"/>.</summary>
    public string Type { get; init; } = LoadBalancerTypes.Application;

    public bool IsNetwork => Type == LoadBalancerTypes.Network;

    public DateTimeOffset CreatedTime { get; init; }

    /// <summary>Serving: active, or active_impaired (up, with a zone impaired).</summary>
    public bool IsActive => State is LoadBalancerStates.Active or LoadBalancerStates.ActiveImpaired;

    /// <summary>AWS is still making it (minutes): read again by ARN until it is active.</summary>
    public bool IsProvisioning => State == LoadBalancerStates.Provisioning;

    public Dictionary<string, string> Attributes { get; init; } = new(StringComparer.Ordinal);

    public ListenerState? Https { get; set; }

    public ListenerState? Http { get; set; }

    /// <summary>ARN of the associated WAFv2 web ACL (null: none); meaningful only when <see cref="WebAclKnown"/>.</summary>
    public string? WebAcl { get; set; }

    /// <summary>True once the association was read (full read) or set (create, associate, disassociate).</summary>
    public bool WebAclKnown { get; set; }

    /// <summary>A web ACL AWS refused to associate (unknown, malformed), with why; not tried again before the next full read.</summary>
    public WebAclRejection? WebAclRejected { get; set; }

    /// <summary>When it was first found unneeded (its unused-since tag); null while needed.</summary>
    public DateTimeOffset? UnusedSince { get; set; }

    public bool DeletionProtected => Attributes.GetValueOrDefault("deletion_protection.enabled") == "true";
}
