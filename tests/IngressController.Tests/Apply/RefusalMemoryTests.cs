using AwsIntegrations.IngressController.Apply;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Planning;
using AwsIntegrations.Kubernetes.Events;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.IngressController.Tests.Apply;

/// <summary>What AWS refused is put on the Ingresses concerned and not written again with the same wants before a full read.</summary>
public class RefusalMemoryTests
{
    private const string Alb = "ing-cccccc-aaaaaa-0";
    private const string Acm = "arn:aws:acm:eu-central-1:123456789012:certificate/shop";
    private static readonly GroupKey Group = new("internet-facing", "ipv4", null, "ELBSecurityPolicy-TLS13-1-2-2021-06", null, true, false);
    private static readonly HashSet<string> Targets = ["i-1"];

    private static DesiredState Desired(string securityGroup = "sg-1")
    {
        var ingresses = new[] { "web/shop", "web/blog" }.ToDictionary(k => k, k => new V1Ingress { Metadata = new V1ObjectMeta { Name = k[4..], NamespaceProperty = "web" } }, StringComparer.Ordinal);
        var alb = new DesiredAlb(Alb, Group, 0, new HashSet<string> { Acm }, ["web/blog", "web/shop"]) { Subnets = ["subnet-a", "subnet-b"], SecurityGroup = securityGroup };
        return new DesiredState(
            new Dictionary<string, DesiredAlb> { [Alb] = alb },
            new Dictionary<string, string> { ["web/shop"] = Alb, ["web/blog"] = Alb },
            [new PlacementRequest("web/shop", Group, new HashSet<string> { Acm }, null), new PlacementRequest("web/blog", Group, new HashSet<string>(), null)],
            new IngressProblems(ingresses));
    }

    private static ApplyOutcome Refused(string code)
    {
        var outcome = new ApplyOutcome();
        outcome.Refused[Alb] = new Refusal(new CreateLoadBalancer(Alb, Group, ["subnet-a", "subnet-b"], "sg-1"), code, "The security group 'sg-1' does not exist");
        return outcome;
    }

    private static RefusalMemory Memory() => new(new IngressMetrics(), NullLogger<RefusalMemory>.Instance);

    [Fact]
    public void Remember_RefusedLoadBalancer_ProblemOnEachOfItsIngresses_AsAnEventReasonOfItsCode()
    {
        var desired = Desired();

        Memory().Remember(Refused("InvalidSecurityGroup"), desired, Targets).Should().BeFalse();

        foreach (var ingress in new[] { "web/shop", "web/blog" })
        {
            desired.Problems.Of(ingress).Should().ContainSingle().Which.Should().Be(new Problem("SecurityGroupNotFound",
                $"AWS refused CreateLoadBalancer for load balancer {Alb}: InvalidSecurityGroup: The security group 'sg-1' does not exist; it is tried again when the Ingress changes or at the next resync"));
        }
    }

    [Fact]
    public void HoldBack_SameWants_HeldWithTheRefusalAgain_ChangedWants_TriedAgain()
    {
        var memory = Memory();
        memory.Remember(Refused("InvalidSecurityGroup"), Desired(), Targets);

        var same = Desired();
        memory.HoldBack(same, Targets).Should().Equal(Alb);
        same.Problems.Of("web/shop").Should().ContainSingle().Which.Reason.Should().Be("SecurityGroupNotFound");

        var changed = Desired(securityGroup: "sg-2");
        memory.HoldBack(changed, Targets).Should().BeEmpty("the Ingress asks for something else now");
        changed.Problems.Of("web/shop").Should().BeEmpty();
        memory.HoldBack(Desired(), Targets).Should().BeEmpty("a refusal tried again is forgotten");
    }

    [Fact]
    public void HoldBack_AfterClear_NothingIsHeld()
    {
        var memory = Memory();
        memory.Remember(Refused("TooManyLoadBalancers"), Desired(), Targets);

        memory.Clear();

        memory.HoldBack(Desired(), Targets).Should().BeEmpty();
    }

    [Fact]
    public void Remember_RefusedCertificate_OnlyOnTheIngressesThatNeedIt_RememberedByArn_AndTheAcmListIsOutOfDate()
    {
        var memory = Memory();
        var desired = Desired();
        var outcome = new ApplyOutcome();
        outcome.RefusedCertificates[Acm] = "CertificateNotFound: Certificate not found";

        memory.Remember(outcome, desired, Targets).Should().BeTrue();

        desired.Problems.Of("web/shop").Should().Equal(IngressCertificates.Refused(Acm, "CertificateNotFound: Certificate not found"));
        desired.Problems.Of("web/blog").Should().BeEmpty();
        memory.Certificates.Should().ContainKey(Acm);
        memory.HoldBack(Desired(), Targets).Should().BeEmpty("a refused certificate holds back no load balancer");
    }
}
