using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// Our Ingresses and what is known of AWS → the load balancers they need, without I/O: each Ingress is read (bad values
/// are problems of that Ingress alone), given its certificates, packed into its group's load balancers, and each load
/// balancer gets its subnets and security group. An Ingress nothing of which could be served gets no load balancer.
/// </summary>
public sealed class DesiredStateBuilder(IngressControllerOptions options, Ownership ownership)
{
    private readonly IngressDefaults _defaults = IngressDefaults.From(options);

    public DesiredState Build(DesiredStateInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new IngressProblems(inputs.Ingresses);
        var requests = new List<PlacementRequest>();
        var hostsWithout = 0;
        var hostsExpiring = 0;
        foreach (var (key, ingress) in inputs.Ingresses.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var model = IngressReader.Read(ingress, _defaults);
            problems.Add(key, model.Problems);
            if (Request(model, inputs, problems) is not { } request)
            {
                continue;
            }

            hostsWithout += request.Certificates.HostsWithoutCertificate;
            hostsExpiring += request.Certificates.HostsOnExpiringCertificate;
            if (request.Placement is { } placement)
            {
                requests.Add(placement);
            }
        }

        var packed = Packer.Pack(requests, Existing(inputs.Inventory), options.MaxCertsPerAlb, ownership.AlbName);
        foreach (var (key, list) in packed.Problems)
        {
            problems.Add(key, list);
        }

        var albs = packed.Albs.ToDictionary(a => a.Key, a => Resolve(a.Value, inputs, problems), StringComparer.Ordinal);
        return new DesiredState(albs, packed.Assignments, requests, problems) { HostsWithoutCertificate = hostsWithout, HostsOnExpiringCertificate = hostsExpiring };
    }

    /// <summary>
    /// An Ingress's certificates and what it asks to be placed with; null for an Ingress of cluster-local hosts only (no load
    /// balancer, as kube-ingress-aws-controller does). No placement when nothing of it could be served.
    /// </summary>
    private IngressRequest? Request(IngressModel model, DesiredStateInputs inputs, IngressProblems problems)
    {
        if (model.ClusterLocalOnly)
        {
            return null;
        }

        // A Network Load Balancer without --nlb-http-enabled has no plain listener: without a certificate nothing is served.
        model = model with { HttpsOnly = model.HttpsOnly || (model.Group.IsNetwork && !options.NlbHttpEnabled) };
        var certificates = IngressCertificates.Resolve(model, inputs.Certificates, inputs.Now, options.MinCertValidity, inputs.RefusedCertificates);
        problems.Add(model.Key, certificates.Problems);
        if (model.HttpsOnly && certificates.Arns.Count == 0 && (model.Hosts.Count > 0 || model.Group.IsNetwork))
        {
            return new IngressRequest(certificates, null);
        }

        var current = inputs.PreviousAssignments.GetValueOrDefault(model.Key)
            ?? model.StatusHostnames.Select(h => inputs.Inventory.AlbByDnsName(h)?.Name).FirstOrDefault(n => n is not null);
        return new IngressRequest(certificates, new PlacementRequest(model.Key, model.Group, certificates.Arns, current));
    }

    private IEnumerable<ExistingAlb> Existing(AwsInventory inventory) =>
        inventory.Albs.Keys.Select(name => ownership.Parse(name) is { } parsed ? new ExistingAlb(name, parsed.GroupHash, parsed.Slot) : null).OfType<ExistingAlb>();

    /// <summary>A load balancer with its subnets and security group; a new one lacking either is a problem of its Ingresses.</summary>
    private DesiredAlb Resolve(DesiredAlb alb, DesiredStateInputs inputs, IngressProblems problems)
    {
        var subnets = inputs.Network.SubnetsFor(alb.Group.Scheme, alb.Group.Type);
        var securityGroup = alb.Group.IsNetwork ? null : alb.Group.SecurityGroup ?? inputs.Network.SecurityGroup;
        if (!inputs.Inventory.Albs.ContainsKey(alb.Name))
        {
            foreach (var member in alb.Ingresses)
            {
                if (subnets is null)
                {
                    problems.Add(member, NoSubnets(alb.Group));
                }

                if (securityGroup is null && !alb.Group.IsNetwork)
                {
                    problems.Add(member, NoSecurityGroup());
                }
            }
        }

        return alb with { Subnets = subnets, SecurityGroup = securityGroup };
    }

    private Problem NoSubnets(GroupKey group) => new("SubnetsNotFound",
        $"no subnets {(group.IsNetwork ? "in an availability zone" : "in two availability zones")} for {group.Scheme} load balancers: tag them kubernetes.io/cluster/{options.ClusterId} " +
        $"(and {(group.Scheme == "internal" ? "kubernetes.io/role/internal-elb" : "kubernetes.io/role/elb, or route them to an internet gateway")}), or set --subnets or --vpc-id");

    private Problem NoSecurityGroup() => new("SecurityGroupNotFound",
        $"no security group is tagged kubernetes.io/cluster/{options.ClusterId} and {options.SecurityGroupTag} (or set --security-group)");

    /// <summary>What one Ingress brings: its certificates, and its placement request unless nothing of it could be served.</summary>
    private sealed record IngressRequest(CertificateResolution Certificates, PlacementRequest? Placement);
}
