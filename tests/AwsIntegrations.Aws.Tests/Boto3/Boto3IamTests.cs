using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using Xunit.Abstractions;

namespace AwsIntegrations.Aws.Tests.Boto3;

/// <summary>
/// boto3 against the emulator's IAM enforcement (Boto3/iam_tour.py), with AWS's timing and throttling on: what AWS's own
/// client parses from a denial in each protocol — AccessDenied (403) from ELBv2, Route 53 and STS, UnauthorizedOperation
/// (403) from EC2, AccessDeniedException (400) from ACM and WAFv2 — and the allowed, resource-scoped and tag-conditioned calls.
/// </summary>
public sealed class Boto3IamTests(ITestOutputHelper output)
{
    private const string Session = "arn:aws:sts::123456789012:assumed-role/limited/boto-iam";

    [Fact]
    public async Task Boto3_RoleSession_ParsesEachServicesDenial_AndItsAllowedCalls()
    {
        await using var aws = await AwsEmulator.StartAsync(0);
        string ours, theirs, foreign;
        lock (aws.State.Gate)
        {
            ours = Route53Zones.Create(aws.State, null, "ours.example.", "a", null, false, []).Id;
            theirs = Route53Zones.Create(aws.State, null, "theirs.example.", "b", null, false, []).Id;
            aws.State.Iam.Define("123456789012", "limited", null, [("limited-policy", """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Read","Effect":"Allow","Action":["ec2:DescribeSubnets","elasticloadbalancing:DescribeLoadBalancers"],"Resource":"*"},
                  {"Sid":"OurZone","Effect":"Allow","Action":"route53:ListResourceRecordSets","Resource":"arn:aws:route53:::hostedzone/OURS"},
                  {"Sid":"CreateTagged","Effect":"Allow","Action":["elasticloadbalancing:CreateLoadBalancer","elasticloadbalancing:AddTags"],"Resource":"*",
                   "Condition":{"StringEquals":{"aws:RequestTag/kubernetes.io/cluster/sandbox":"owned"}}},
                  {"Sid":"ChangeOwn","Effect":"Allow","Action":"elasticloadbalancing:ModifyLoadBalancerAttributes","Resource":"*",
                   "Condition":{"StringEquals":{"aws:ResourceTag/kubernetes.io/cluster/sandbox":"owned"}}}]}
                """.Replace("OURS", ours, StringComparison.Ordinal))]);
        }

        using var rootTransport = new HttpClient();
        var root = new ElbV2Client(new AwsTransport(rootTransport, new StaticCredentialsProvider(AwsEmulator.DefaultCredentials),
            new EndpointResolver(aws.State.Region, aws.BaseUrl.ToString(), _ => null), TestAws.FastOptions()));
        foreign = (await root.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("foreign", ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]))).Arn;
        var result = await Boto3Tour.RunAsync("iam_tour.py", output, TimeSpan.FromSeconds(120),
            aws.BaseUrl.ToString().TrimEnd('/'), "arn:aws:iam::123456789012:role/limited", ours, theirs, foreign);

        ((string)result["caller"]!).Should().Be(Session);
        result["ec2_describe_subnets"].Should().BeNull();
        result["route53_our_zone"].Should().BeNull("the policy names this zone");
        result["elbv2_create_tagged"].Should().BeNull("the request carries the cluster tag the condition asks for");
        Denial(result, "ec2_describe_vpcs", "UnauthorizedOperation", 403,
            $"You are not authorized to perform this operation. User: {Session} is not authorized to perform: ec2:DescribeVpcs because no identity-based policy allows the ec2:DescribeVpcs action");
        Denial(result, "acm_list_certificates", "AccessDeniedException", 400,
            $"User: {Session} is not authorized to perform: acm:ListCertificates because no identity-based policy allows the acm:ListCertificates action");
        Denial(result, "wafv2_get_web_acl_for_resource", "AccessDeniedException", 400,
            $"User: {Session} is not authorized to perform: wafv2:GetWebACLForResource on resource: {foreign} because no identity-based policy allows the wafv2:GetWebACLForResource action");
        Denial(result, "route53_their_zone", "AccessDenied", 403,
            $"User: {Session} is not authorized to perform: route53:ListResourceRecordSets on resource: arn:aws:route53:::hostedzone/{theirs} because no identity-based policy allows the route53:ListResourceRecordSets action");
        Denial(result, "sts_assume_role", "AccessDenied", 403,
            $"User: {Session} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/limited because no identity-based policy allows the sts:AssumeRole action");
        Denial(result, "elbv2_create_untagged", "AccessDenied", 403,
            $"User: {Session} is not authorized to perform: elasticloadbalancing:CreateLoadBalancer on resource: arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/untagged/* because no identity-based policy allows the elasticloadbalancing:CreateLoadBalancer action");
        Denial(result, "elbv2_modify_foreign", "AccessDenied", 403,
            $"User: {Session} is not authorized to perform: elasticloadbalancing:ModifyLoadBalancerAttributes on resource: {foreign} because no identity-based policy allows the elasticloadbalancing:ModifyLoadBalancerAttributes action");
    }

    private static void Denial(JsonObject result, string call, string code, int status, string message)
    {
        var denial = result[call] ?? throw new InvalidOperationException($"{call} was not denied");
        ((string)denial["code"]!).Should().Be(code, call);
        ((int)denial["status"]!).Should().Be(status, call);
        ((string)denial["message"]!).Should().Be(message, call);
    }
}
