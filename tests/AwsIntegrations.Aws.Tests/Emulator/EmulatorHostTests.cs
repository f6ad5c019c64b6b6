using System.Net.Http.Json;
using System.Runtime.InteropServices;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Aws.Tests.Emulator;

public sealed class EmulatorHostTests
{
    private static string EmulatorDll => Path.Combine(AppContext.BaseDirectory, "AwsIntegrations.Emulators.dll");

    [Fact]
    public async Task Standalone_AwsPort_ServesUntilSigterm()
    {
        var port = FreePort.Next();
        await using var process = ChildProcess.StartDotnet(EmulatorDll, ["--aws-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await Eventually.HoldsAsync(() => process.StandardOutput.Any(l => l.Contains("aws emulator listening", StringComparison.Ordinal)), "the emulator says where it listens");
        using var http = new HttpClient();

        var state = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/_emulator/state"));
        process.SendSignal(PosixSignal.SIGTERM);

        state.Should().Contain("eu-central-1");
        (await process.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(0, process.Output);
    }

    [Fact]
    public async Task Standalone_BadSeedFile_ExitsWithClearError()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(seed, "vpcs: [ {id: vpc-1} ]\nsubnets:\n  - id: subnet-1\n    vpcId: vpc-nope\n");
        try
        {
            await using var process = ChildProcess.StartDotnet(EmulatorDll, ["--aws-port", "0", "--aws-seed", seed]);

            (await process.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(2);
            process.StandardError.Should().Contain(l => l.Contains("unknown VPC vpc-nope", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Fact]
    public async Task Seed_YamlFile_ReplacesDefaultAccount()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(seed, """
            region: us-west-2
            vpcs:
              - id: vpc-1
                cidrBlock: 10.1.0.0/16
            subnets:
              - id: subnet-1
                vpcId: vpc-1
                cidrBlock: 10.1.1.0/24
                availabilityZone: us-west-2a
                tags: { Name: one }
            instances:
              - id: i-1
                subnetId: subnet-1
                privateIpAddress: 10.1.1.5
            hostedZones:
              - name: example.org
                records:
                  - name: www.example.org
                    type: A
                    values: [192.0.2.1]
            """);
        try
        {
            await using var aws = await AwsEmulator.StartAsync(0, AwsSeed.Load(seed));

            aws.State.Region.Should().Be("us-west-2");
            aws.State.Subnets.Single().Tags["Name"].Should().Be("one");
            aws.State.Instances.Single().AvailabilityZone.Should().Be("us-west-2a");
            aws.State.HostedZones.Single().Records.Select(r => r.Type).Should().BeEquivalentTo(["NS", "SOA", "A"]);
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Fact]
    public async Task AdminApi_FaultsAndCalls_WorkOverHttp()
    {
        await using var aws = await TestAws.StartAsync();
        var admin = new Uri(aws.Emulator.BaseUrl, "/_emulator/");

        using var bad = await aws.Http.PostAsJsonAsync(new Uri(admin, "faults"), new { service = "sts" });
        using var added = await aws.Http.PostAsJsonAsync(new Uri(admin, "faults"), new { service = "sts", operation = "GetCallerIdentity", errorCode = "InternalFailure", statusCode = 500, count = 1 });
        await aws.Transport.SendAsync(AwsService.Sts, "GetCallerIdentity", AwsProtocol.Query, new QueryForm("GetCallerIdentity", "2011-06-15").ToRequest(), CancellationToken.None);
        var calls = await aws.Http.GetStringAsync(new Uri(admin, "calls"));

        ((int)bad.StatusCode).Should().Be(400);
        ((int)added.StatusCode).Should().Be(201);
        calls.Should().Contain("\"result\":\"InternalFailure\"").And.Contain("\"result\":\"Success\"");
        calls.Should().Contain($"\"userAgent\":\"{AwsTransport.UserAgent}\"", "every call names its caller, as CloudTrail's userAgent would")
            .And.Contain($"\"accessKeyId\":\"{AwsEmulator.DefaultCredentials.AccessKeyId}\"");
        AwsTransport.UserAgent.Should().EndWith(" aws-integrations");
    }

    [Fact]
    public async Task UnsignedRequest_IsRefused()
    {
        await using var aws = await TestAws.StartAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" });

        using var response = await aws.Http.PostAsync(aws.Emulator.BaseUrl, content);

        ((int)response.StatusCode).Should().Be(403);
        (await response.Content.ReadAsStringAsync()).Should().Contain("MissingAuthenticationToken");
    }

    [Fact]
    public async Task QueryRequest_WrongApiVersion_IsInvalidAction()
    {
        await using var aws = await TestAws.StartAsync();

        var act = () => aws.Transport.SendAsync(AwsService.ElbV2, "DescribeLoadBalancers", AwsProtocol.Query, new QueryForm("DescribeLoadBalancers", "2012-06-01").ToRequest(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("InvalidAction");
        error.AwsMessage.Should().Contain("version 2012-06-01");
    }

    [Fact]
    public async Task SignedForAnotherRegion_IsRefused()
    {
        await using var aws = await TestAws.StartAsync();
        using var http = new HttpClient();
        var transport = new AwsTransport(http, new StaticCredentialsProvider(AwsEmulator.DefaultCredentials), new EndpointResolver("us-west-2", aws.Emulator.BaseUrl.ToString(), _ => null), TestAws.FastOptions());

        var act = () => new Ec2Client(transport).DescribeVpcsAsync();

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("SignatureDoesNotMatch");
        error.AwsMessage.Should().Contain("us-west-2");
    }

    [Fact]
    public async Task AdminApi_ImdsAndRoles_ChangeTheEmulatedAccount()
    {
        await using var aws = await TestAws.StartAsync();
        var admin = new Uri(aws.Emulator.BaseUrl, "/_emulator/");

        using var imds = await aws.Http.PostAsJsonAsync(new Uri(admin, "imds"), new { httpTokens = "required", instanceId = "i-0a1b2c3d4e5f60002" });
        using var badImds = await aws.Http.PostAsJsonAsync(new Uri(admin, "imds"), new { httpTokens = "sometimes" });
        using var role = await aws.Http.PostAsJsonAsync(new Uri(admin, "roles"), new { name = "only-this", externalId = "x" });
        using var v1 = await aws.Http.GetAsync(new Uri(aws.Emulator.BaseUrl, "/latest/meta-data/instance-id"));
        var client = new InstanceMetadataClient(aws.Http, aws.Emulator.BaseUrl.ToString());

        ((int)imds.StatusCode).Should().Be(204);
        ((int)badImds.StatusCode).Should().Be(400);
        ((int)role.StatusCode).Should().Be(204);
        ((int)v1.StatusCode).Should().Be(401, "tokens are now required");
        (await client.GetInstanceIdAsync(CancellationToken.None)).Should().Be("i-0a1b2c3d4e5f60002");
        aws.State.Roles.Should().ContainKey("only-this");
    }

    [Fact]
    public async Task Seed_JsonFile_WithCertificatesAndRoles()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seed, """
            {
              "accountId": "210987654321",
              "vpcs": [ { "id": "vpc-1", "cidrBlock": "10.9.0.0/16" } ],
              "certificates": [
                { "domainName": "*.apps.example.org", "subjectAlternativeNames": ["*.apps.example.org", "apps.example.org"] },
                { "domainName": "pending.example.org", "status": "PENDING_VALIDATION", "type": "AMAZON_ISSUED" }
              ],
              "roles": [ { "name": "app", "externalId": "ext" } ]
            }
            """);
        try
        {
            await using var aws = await AwsEmulator.StartAsync(0, AwsSeed.Load(seed));
            using var http = new HttpClient();
            var transport = new AwsTransport(http, new StaticCredentialsProvider(AwsEmulator.DefaultCredentials), new EndpointResolver("eu-central-1", aws.BaseUrl.ToString(), _ => null), TestAws.FastOptions());

            var certificates = await new AcmClient(transport).ListCertificatesAsync();

            aws.State.AccountId.Should().Be("210987654321");
            certificates.Select(c => (c.DomainName, c.Status)).Should().BeEquivalentTo([("*.apps.example.org", "ISSUED"), ("pending.example.org", "PENDING_VALIDATION")]);
            certificates.Single(c => c.Status == "ISSUED").SubjectAlternativeNameSummaries.Should().Contain("apps.example.org");
            aws.State.Roles["app"].Should().Be("ext");
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Fact]
    public void Seed_MissingFile_IsAClearError()
    {
        var act = () => AwsSeed.Load("/nonexistent/seed.yaml");

        act.Should().Throw<FileNotFoundException>().WithMessage("*/nonexistent/seed.yaml*");
    }
}
