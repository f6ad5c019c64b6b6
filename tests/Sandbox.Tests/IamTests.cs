using System.Text.Json;
using AwsIntegrations.Deploy.Tests;

namespace AwsIntegrations.Sandbox.Tests;

/// <summary>
/// IAM least privilege, proven like the RBAC (<see cref="RbacTests"/>): in the sandbox run each AWS-calling service uses its
/// own role's credentials — the IngressController and the DnsController their roles from deploy/overlays/example/iam through
/// IRSA's web identity, Kube2Iam the node role from instance metadata — and the emulator checks every call against the
/// policies from deploy/. No call is denied, and every action each statement grants was used (an authorization the statement
/// decided), except the short list below of paths the demo does not take.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class IamTests(SandboxRun run)
{
    /// <summary>Who calls AWS with which role in the sandbox (the roles' names: the overlay's, re-targeted at cluster "sandbox").</summary>
    private static readonly Dictionary<string, string> RoleOf = new()
    {
        ["IngressController"] = "sandbox-ingress-controller",
        ["DnsController"] = "sandbox-dns-controller",
        ["Kube2Iam"] = "sandbox-node",
    };

    /// <summary>The deploy/ policies the sandbox's roles carry (eks-pod-identity-trust-policy is not: the sandbox plays IRSA).</summary>
    private static readonly string[] Policies =
    [
        "ingress-controller-policy", "dns-controller-policy", "kube2iam-node-policy", "kube2iam-trust-policy",
        "ingress-controller-irsa-trust-policy", "dns-controller-irsa-trust-policy",
    ];

    /// <summary>Grants the demo does not exercise: per statement ("policy#Sid"), the actions and the paths that need them.</summary>
    private static readonly (string Statement, string[] Actions, string Path)[] NotExercisedByTheDemo =
    [
        ("ingress-controller-policy#Describe", ["DescribeLoadBalancerAttributes", "DescribeTargetHealth", "DescribeListeners", "DescribeListenerCertificates", "DescribeTags"],
            "a full read of existing load balancers: the demo's account starts without any (again on a resync or after a failed write)"),
        ("ingress-controller-policy#Describe", ["ec2:DescribeRouteTables"], "a zone without a subnet tagged for load balancers (public subnets by route table)"),
        ("ingress-controller-policy#DescribeCertificates", ["acm:DescribeCertificate"], "a certificate with more names than ListCertificates shows"),
        ("ingress-controller-policy#DescribeCertificates", ["acm:ListTagsForCertificate"], "--cert-filter-tag"),
        ("ingress-controller-policy#ChangeTheClustersOwn", ["ModifyLoadBalancerAttributes", "ModifyTargetGroup", "ModifyTargetGroupAttributes", "ModifyListener",
            "AddListenerCertificates", "RemoveListenerCertificates", "DeregisterTargets", "DeleteListener", "DeleteTargetGroup", "DeleteLoadBalancer", "SetWebAcl"],
            "Ingresses, flags or nodes that change, and cleanup: the demo's one Ingress stays as it is"),
        ("ingress-controller-policy#MarkTheClustersOwnUnused", ["AddTags", "RemoveTags"], "a load balancer no Ingress needs (the unused-since tag)"),
        ("ingress-controller-policy#WebAcls", ["wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL"],
            "an Ingress with a web ACL (associations are read on a resync)"),
    ];

    [Fact]
    public void EveryAwsCall_IsAllowedToItsServicesOwnRole_AndEveryGrantIsNeeded()
    {
        run.ExitCode.Should().Be(0, run.Output);
        var calls = Calls();

        // (a) Nothing was denied, and every call of an AWS-calling service was made, and checked, as its own role.
        calls.Where(c => c.Result is "AccessDenied" or "UnauthorizedOperation" or "AccessDeniedException")
            .Should().BeEmpty("deploy/'s policies allow every call the suite makes");
        foreach (var (service, role) in RoleOf)
        {
            var own = calls.Where(c => c.Principal?.StartsWith($"arn:aws:sts::123456789012:assumed-role/{role}/", StringComparison.Ordinal) == true).ToList();
            own.Should().NotBeEmpty($"{service} called AWS as {role}");
            own.Should().AllSatisfy(c => c.Authorizations.Should().NotBeEmpty("IAM checked the call"));
            // Calls that name their service in the User-Agent (Kube2Iam's STS calls go through the AWS SDK's client and do not).
            calls.Where(c => c.UserAgent.StartsWith(service + "/", StringComparison.Ordinal))
                .Where(c => c.Principal?.StartsWith($"arn:aws:sts::123456789012:assumed-role/{role}/", StringComparison.Ordinal) != true)
                .Should().BeEmpty($"{service} signs with its own role's credentials, never the emulator's key");
        }

        // (b) Every action a deploy/ statement grants was used, or is on the short list of paths the demo does not take.
        var used = calls.SelectMany(c => c.Authorizations).Where(a => a.Effect == "Allow")
            .SelectMany(a => a.Statements.Select(s => $"{s} {a.Action}")).ToHashSet();
        var granted = Policies.Select(p => IamPolicyFiles.Load(p)).SelectMany(p => p.Statements.SelectMany(s => s.Actions.Select(a => $"{p.Name}#{s.Label} {a}"))).ToHashSet();
        used.Except(granted).Should().BeEmpty("every decision names a statement of deploy/'s policies");
        // A subset, not equality: the demo may or may not take a listed path (e.g. a full read after a transient failure).
        var notExercised = NotExercisedByTheDemo.SelectMany(n => n.Actions.Select(a => $"{n.Statement} {(a.Contains(':', StringComparison.Ordinal) ? a : "elasticloadbalancing:" + a)}"));
        granted.Except(used).Should().BeSubsetOf(notExercised, "deploy/'s policies grant nothing beyond what the suite calls (or what a documented path needs)");
    }

    /// <summary>Every AWS call of the run (aws-api-calls.json, from the emulator's /_emulator/calls) with its IAM decisions.</summary>
    private List<(string Result, string UserAgent, string? Principal, List<(string Action, string Effect, List<string> Statements)> Authorizations)> Calls()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkDir, "aws-api-calls.json")));
        return document.RootElement.EnumerateArray().Select(c => (
            c.GetProperty("result").GetString()!,
            c.GetProperty("userAgent").GetString() ?? "",
            c.GetProperty("principal").GetString(),
            c.GetProperty("authorizations").EnumerateArray().Select(x => (x.GetProperty("action").GetString()!, x.GetProperty("effect").GetString()!,
                x.GetProperty("statements").EnumerateArray().Select(s => s.GetString()!).ToList())).ToList())).ToList();
    }
}
