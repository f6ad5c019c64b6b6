using Microsoft.Extensions.Time.Testing;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Aws.Tests.Emulator;

/// <summary>
/// The emulator's default behaviour over time (AwsBehavior), on a manual clock so every step is exact: the same
/// defaults the services' tests and the sandbox run with. Response shapes of the same paths are checked through boto3
/// in Boto3BehaviorTests.
/// </summary>
public sealed class AwsBehaviorTests
{
    private static readonly string[] Subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"];
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private Task<TestAws> RealisticAsync() => TestAws.StartAsync(emulatorTime: _time, behavior: new AwsBehavior());

    [Fact]
    public async Task NewLoadBalancer_IsNotDescribedAtOnce_ThenProvisions_ThenIsActive()
    {
        await using var aws = await RealisticAsync();
        var elb = new ElbV2Client(aws.Transport);

        var created = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", Subnets));
        var atOnce = () => elb.DescribeLoadBalancersAsync([created.Arn]);
        var listedAtOnce = await elb.DescribeLoadBalancersAsync();
        (await atOnce.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("LoadBalancerNotFound");
        _time.Advance(TimeSpan.FromSeconds(1));
        var visible = (await elb.DescribeLoadBalancersAsync([created.Arn])).Single();
        _time.Advance(TimeSpan.FromSeconds(2));
        var active = (await elb.DescribeLoadBalancersAsync([created.Arn])).Single();

        created.State.Should().Be("provisioning");
        listedAtOnce.Should().BeEmpty();
        visible.State.Should().Be("provisioning");
        active.State.Should().Be("active");
    }

    [Fact]
    public async Task Targets_InitialUntilTheLoadBalancerIsActiveAndThresholdChecksPassed_DrainingForTheDeregistrationDelay()
    {
        await using var aws = await RealisticAsync();
        var elb = new ElbV2Client(aws.Transport);
        var lb = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", Subnets));
        var tg = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("web-tg", "HTTP", 9999, lb.VpcId));
        await elb.ModifyTargetGroupAttributesAsync(tg.Arn, new Dictionary<string, string> { ["deregistration_delay.timeout_seconds"] = "30" });
        await elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTP", 80, [ListenerActionSpec.Forward(tg.Arn)]));
        await elb.RegisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60001")]);
        async Task<string> HealthAsync() => (await elb.DescribeTargetHealthAsync(tg.Arn)) is [var only] ? $"{only.State}/{only.Reason}" : "gone";

        var whileProvisioning = await HealthAsync();
        _time.Advance(TimeSpan.FromSeconds(3)); // active now; 5 checks of 0.2 s to go
        var checking = await HealthAsync();
        _time.Advance(TimeSpan.FromSeconds(0.9));
        var almost = await HealthAsync();
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var healthy = await HealthAsync();
        await elb.DeregisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60001")]);
        var draining = await HealthAsync();
        _time.Advance(TimeSpan.FromSeconds(29));
        var stillDraining = await HealthAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var gone = await HealthAsync();

        whileProvisioning.Should().Be("initial/Elb.RegistrationInProgress");
        checking.Should().Be("initial/Elb.InitialHealthChecking");
        almost.Should().Be("initial/Elb.InitialHealthChecking");
        healthy.Should().Be("healthy/");
        draining.Should().Be("draining/Target.DeregistrationInProgress");
        stillDraining.Should().Be("draining/Target.DeregistrationInProgress");
        gone.Should().Be("gone");
    }

    [Fact]
    public async Task DrainingTarget_RegisteredAgain_StartsItsHealthChecksOver()
    {
        await using var aws = await RealisticAsync();
        aws.State.Behavior.LoadBalancerProvisioning = TimeSpan.Zero;
        var elb = new ElbV2Client(aws.Transport);
        var lb = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", Subnets));
        var tg = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("web-tg", "HTTP", 9999, lb.VpcId));
        await elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTP", 80, [ListenerActionSpec.Forward(tg.Arn)]));
        await elb.RegisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60001")]);
        _time.Advance(TimeSpan.FromSeconds(5));
        await elb.DeregisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60001")]);

        await elb.RegisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60001")]);
        var again = (await elb.DescribeTargetHealthAsync(tg.Arn)).Single();

        again.State.Should().Be("initial");
        again.Reason.Should().Be("Elb.InitialHealthChecking");
    }

    [Fact]
    public async Task ElbV2Throttling_Describe40Then10PerSecond_MutatingCallsHaveTheirOwnBucket()
    {
        await using var aws = await RealisticAsync();
        var elb = new ElbV2Client(aws.Transport);
        var describes = new List<string>();
        for (var i = 0; i < 41; i++)
        {
            describes.Add(await OutcomeAsync(() => elb.DescribeTargetGroupsAsync()));
        }

        var mutating = await OutcomeAsync(() => elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("tg", "HTTP", 80, "vpc-0a1b2c3d4e5f60001")));
        _time.Advance(TimeSpan.FromSeconds(0.5)); // 5 tokens back at 10 per second
        var afterHalfASecond = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            afterHalfASecond.Add(await OutcomeAsync(() => elb.DescribeTargetGroupsAsync()));
        }

        describes.Take(40).Should().AllBe("ok");
        describes[40].Should().Be("Throttling");
        mutating.Should().Be("ok");
        afterHalfASecond.Should().Equal("ok", "ok", "ok", "ok", "ok", "Throttling");
        aws.Calls.All.Count(c => c.Result == "Throttling").Should().Be(2 * 3, "each throttled call was tried three times (AWS_MAX_ATTEMPTS)");
    }

    [Fact]
    public async Task Route53Throttling_FivePerSecondForTheWholeAccount()
    {
        await using var aws = await RealisticAsync();
        var route53 = new Route53Client(aws.Transport);
        var outcomes = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            outcomes.Add(await OutcomeAsync(() => route53.ListHostedZonesAsync()));
        }

        _time.Advance(TimeSpan.FromSeconds(0.2));
        var afterOneToken = await OutcomeAsync(() => route53.ListHostedZonesAsync());

        outcomes.Should().Equal("ok", "ok", "ok", "ok", "ok", "Throttling");
        afterOneToken.Should().Be("ok");
    }

    [Fact]
    public async Task RequestedCertificate_EmailValidation_StaysPending_DnsValidation_IssuedOnceTheRecordIsInAZone()
    {
        await using var aws = await RealisticAsync();
        async Task<JsonObject> AcmAsync(string operation, object body)
        {
            var request = AwsRequest.Post("/", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body), "application/x-amz-json-1.1") with
            {
                Headers = new Dictionary<string, string> { ["X-Amz-Target"] = "CertificateManager." + operation },
            };
            var answer = await aws.Transport.SendAsync(AwsService.Acm, operation, AwsProtocol.Json, request, CancellationToken.None);
            return JsonNode.Parse(answer.Body)!.AsObject();
        }

        var email = (string)(await AcmAsync("RequestCertificate", new { DomainName = "mail.example.org" }))["CertificateArn"]!;
        var dns = (string)(await AcmAsync("RequestCertificate", new { DomainName = "www.example.org", ValidationMethod = "DNS" }))["CertificateArn"]!;
        var record = (await AcmAsync("DescribeCertificate", new { CertificateArn = dns }))["Certificate"]!["DomainValidationOptions"]![0]!["ResourceRecord"]!;
        _time.Advance(TimeSpan.FromHours(1));
        var withoutRecord = (string)(await AcmAsync("DescribeCertificate", new { CertificateArn = dns }))["Certificate"]!["Status"]!;
        lock (aws.State.Gate)
        {
            var zone = Route53Zones.Create(aws.State, null, "example.org.", "ref", null, false, []);
            zone.Records.Add(new RecordSet((string)record["Name"]!, "CNAME") { Ttl = 300, Values = [(string)record["Value"]!] });
        }

        var recordJustAdded = (string)(await AcmAsync("DescribeCertificate", new { CertificateArn = dns }))["Certificate"]!["Status"]!;
        _time.Advance(TimeSpan.FromSeconds(2));
        var issued = (await AcmAsync("DescribeCertificate", new { CertificateArn = dns }))["Certificate"]!;
        var emailStatus = (string)(await AcmAsync("DescribeCertificate", new { CertificateArn = email }))["Certificate"]!["Status"]!;

        withoutRecord.Should().Be("PENDING_VALIDATION");
        recordJustAdded.Should().Be("PENDING_VALIDATION");
        ((string)issued["Status"]!).Should().Be("ISSUED");
        ((double)issued["NotAfter"]! - (double)issued["NotBefore"]!).Should().Be(TimeSpan.FromDays(395).TotalSeconds);
        emailStatus.Should().Be("PENDING_VALIDATION");
    }

    [Fact]
    public async Task AdminApi_Behavior_ReadsAndChangesTheSettings_RefusesUnknownOnes()
    {
        await using var aws = await RealisticAsync();
        var admin = new Uri(aws.Emulator.BaseUrl, "/_emulator/behavior");

        var defaults = JsonNode.Parse(await aws.Http.GetStringAsync(admin))!;
        using var changed = await aws.Http.PostAsJsonAsync(admin, new { preset = "instant", changePropagationSeconds = 60 });
        using var unknown = await aws.Http.PostAsJsonAsync(admin, new { provisioning = 1 });
        using var negative = await aws.Http.PostAsJsonAsync(admin, new { loadBalancerProvisioningSeconds = -1 });

        ((double)defaults["loadBalancerProvisioningSeconds"]!).Should().Be(3);
        ((bool)defaults["throttling"]!).Should().BeTrue();
        defaults["deregistrationDelaySeconds"].Should().BeNull("null means the target group's own attribute, as on AWS");
        changed.IsSuccessStatusCode.Should().BeTrue();
        aws.State.Behavior.Throttling.Should().BeFalse();
        aws.State.Behavior.LoadBalancerProvisioning.Should().Be(TimeSpan.Zero);
        aws.State.Behavior.ChangePropagation.Should().Be(TimeSpan.FromSeconds(60));
        ((int)unknown.StatusCode).Should().Be(400);
        ((int)negative.StatusCode).Should().Be(400);
        aws.State.Behavior.LoadBalancerProvisioning.Should().Be(TimeSpan.Zero, "a refused change changes nothing");
    }

    private static async Task<string> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return "ok";
        }
        catch (AwsServiceException e)
        {
            return e.Code;
        }
    }
}
