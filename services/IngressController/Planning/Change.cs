using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Ingresses;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>One AWS write the planner asks for; load balancers and target groups are named, the applier resolves ARNs.</summary>
public abstract record Change(string Alb)
{
    /// <summary>The ELBv2 operation that carries the change out.</summary>
    public abstract string Operation { get; }
}

/// <summary>An Application Load Balancer with its security group, or a Network Load Balancer (no security group).</summary>
public sealed record CreateLoadBalancer(string Alb, GroupKey Group, IReadOnlyList<string> Subnets, string? SecurityGroup) : Change(Alb)
{
    public override string Operation => "CreateLoadBalancer";
}

public sealed record ModifyLoadBalancerAttributes(string Alb, IReadOnlyDictionary<string, string> Attributes) : Change(Alb)
{
    public override string Operation => "ModifyLoadBalancerAttributes";
}

/// <summary>HTTP/HTTPS (Application Load Balancers) or TCP (Network Load Balancers), with its health check.</summary>
public sealed record CreateTargetGroup(string Alb, string Protocol, TargetGroupHealthCheck HealthCheck) : Change(Alb)
{
    public override string Operation => "CreateTargetGroup";
}

public sealed record ModifyTargetGroup(string Alb, TargetGroupHealthCheck HealthCheck) : Change(Alb)
{
    public override string Operation => "ModifyTargetGroup";
}

/// <summary>
/// Target group attributes that differ from what AWS reported. Planned after a CreateTargetGroup too: the create reads the
/// new group's attributes, and the applier skips this change when they already are as wanted.
/// </summary>
public sealed record ModifyTargetGroupAttributes(string Alb, IReadOnlyDictionary<string, string> Attributes) : Change(Alb)
{
    public override string Operation => "ModifyTargetGroupAttributes";
}

public sealed record RegisterTargets(string Alb, IReadOnlyList<string> Targets) : Change(Alb)
{
    public override string Operation => "RegisterTargets";
}

public sealed record DeregisterTargets(string Alb, IReadOnlyList<string> Targets) : Change(Alb)
{
    public override string Operation => "DeregisterTargets";
}

/// <summary>
/// HTTPS:443 (TLS:443 on a Network Load Balancer) with a default certificate, or HTTP:80 forwarding or redirecting (TCP:80
/// forwarding on a Network Load Balancer).
/// </summary>
public sealed record CreateListener(string Alb, string Protocol, string? DefaultCertificate, string? SslPolicy, bool Redirect) : Change(Alb)
{
    public override string Operation => "CreateListener";
}

public sealed record ModifyListener(string Alb, string Protocol, string? DefaultCertificate, string? SslPolicy, bool? Redirect) : Change(Alb)
{
    public override string Operation => "ModifyListener";
}

public sealed record DeleteListener(string Alb, string Protocol) : Change(Alb)
{
    public override string Operation => "DeleteListener";
}

public sealed record AddListenerCertificates(string Alb, IReadOnlyList<string> Certificates) : Change(Alb)
{
    public override string Operation => "AddListenerCertificates";
}

public sealed record RemoveListenerCertificates(string Alb, IReadOnlyList<string> Certificates) : Change(Alb)
{
    public override string Operation => "RemoveListenerCertificates";
}

public sealed record DeleteLoadBalancer(string Alb) : Change(Alb)
{
    public override string Operation => "DeleteLoadBalancer";
}

/// <summary>Deletes the target group named <see cref="Change.Alb"/> (target groups are named after their load balancer).</summary>
public sealed record DeleteTargetGroup(string Alb) : Change(Alb)
{
    public override string Operation => "DeleteTargetGroup";
}

/// <summary>Which resource a cleanup tag goes on: the load balancer, or the target group of that name.</summary>
public enum CleanupTarget
{
    LoadBalancer,
    TargetGroup,
}

/// <summary>Marks a resource no longer needed with the time it became so (the unused-since tag), so the grace survives restarts.</summary>
public sealed record TagUnused(string Alb, CleanupTarget Target, DateTimeOffset Since) : Change(Alb)
{
    public override string Operation => "AddTags";
}

/// <summary>Removes the unused-since tag from a resource that is needed again.</summary>
public sealed record UntagUnused(string Alb, CleanupTarget Target) : Change(Alb)
{
    public override string Operation => "RemoveTags";
}

/// <summary>
/// A load balancer's WAFv2 web ACL association: applied after every ELBv2 write (the load balancer must exist), and not
/// stopped by a refusal of the load balancer's other changes.
/// </summary>
public abstract record WebAclChange(string Alb) : Change(Alb);

public sealed record AssociateWebAcl(string Alb, string WebAcl) : WebAclChange(Alb)
{
    public override string Operation => "AssociateWebACL";
}

public sealed record DisassociateWebAcl(string Alb) : WebAclChange(Alb)
{
    public override string Operation => "DisassociateWebACL";
}
