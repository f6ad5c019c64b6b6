using System.Runtime.CompilerServices;
using Amazon.Runtime;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Tests.Harness;

namespace AwsIntegrations.Kube2Iam.Tests.Sdk;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SdkEnvironment
{
    public const string Name = "AWS SDK environment";

    /// <summary>AWSSDK.Core reads AWS_EC2_METADATA_SERVICE_ENDPOINT once per process, so the tests' hop has one fixed port.</summary>
    public static int HopPort { get; private set; }

    [ModuleInitializer]
    internal static void PointTheSdkAtTheHop()
    {
        HopPort = FreePort.Next();
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT", $"http://127.0.0.1:{HopPort}");
    }
}

/// <summary>AWS's own SDKs, pointed at the daemon with AWS_EC2_METADATA_SERVICE_ENDPOINT, get the pod role's credentials.</summary>
[Collection(SdkEnvironment.Name)]
public sealed class AwsSdkTests
{
    private static readonly Dictionary<string, string> AppRole = new() { ["iam.amazonaws.com/role"] = "app-role" };

    [Fact]
    public async Task AwsSdkForDotNet_InstanceProfileProvider_ImdsV2_GetsThePodRolesCredentials()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "sdk-0", "127.0.0.50", AppRole);
        var node = await NodeSecrets.ReadAsync(cluster.Aws);
        await using var daemon = await Daemon.StartAsync(cluster, ["--require-imdsv2"]);
        await using var hop = await RelayHop.StartAsync(SdkEnvironment.HopPort, "127.0.0.50", daemon.Options.AppPort, refuseTokens: false);

        var credentials = await new InstanceProfileAWSCredentials().GetCredentialsAsync();

        var pod = daemon.As("127.0.0.50");
        var served = Imds.Json((await Imds.GetAsync(pod, Imds.Credentials + "app-role", await Imds.TokenAsync(pod))).Body);
        credentials.AccessKey.Should().Be(served.GetProperty("AccessKeyId").GetString());
        credentials.SecretKey.Should().Be(served.GetProperty("SecretAccessKey").GetString());
        credentials.Token.Should().Be(served.GetProperty("Token").GetString());
        node.AbsentFrom(credentials.AccessKey + credentials.SecretKey + credentials.Token).Should().BeTrue();
        (await daemon.MetricsAsync()).Should().Contain("kube2iam_requests_total{kind=\"token\",result=\"success\"}")
            .And.NotContain("imdsv1_refused", "the SDK used IMDSv2 throughout (v1 is refused by --require-imdsv2)");
    }

    [Fact]
    public async Task AwsSdkForDotNet_RoleListedAsAFullArn_GetsItsCredentials()
    {
        // kube2iam server/server.go securityCredentialsHandler lists a role outside the base ARN as its full ARN, so SDKs ask
        // for .../security-credentials/arn:aws:iam::…:role/path/name: the SDK must reach it with ':' and '/' in the name.
        var arn = "arn:aws:iam::123456789012:role/platform/shared-reader";
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "sdk-2", "127.0.0.52", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = arn });
        await using var daemon = await Daemon.StartAsync(cluster, ["--base-role-arn", "arn:aws:iam::123456789012:role/team/"]);
        await using var hop = await RelayHop.StartAsync(SdkEnvironment.HopPort, "127.0.0.52", daemon.Options.AppPort, refuseTokens: false);

        var credentials = await new InstanceProfileAWSCredentials().GetCredentialsAsync();

        var pod = daemon.As("127.0.0.52");
        (await Imds.GetAsync(pod, Imds.Credentials)).Body.Should().Be(arn);
        var served = Imds.Json((await Imds.GetAsync(pod, Imds.Credentials + arn)).Body);
        credentials.AccessKey.Should().Be(served.GetProperty("AccessKeyId").GetString());
    }

    [Fact]
    public async Task Botocore_InstanceMetadataProvider_ImdsV1Fallback_GetsThePodRolesCredentials()
    {
        // AWSSDK.Core 4 removed IMDSv1 (aws/aws-sdk-net#3664), so AWS's Python SDK plays the v1 client.
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "sdk-1", "127.0.0.51", AppRole);
        var node = await NodeSecrets.ReadAsync(cluster.Aws);
        await using var daemon = await Daemon.StartAsync(cluster);
        await using var hop = await RelayHop.StartAsync(FreePort.Next(), "127.0.0.51", daemon.Options.AppPort, refuseTokens: true);

        await using var python = ChildProcess.Start("python3", ["-c", """
            from botocore.credentials import InstanceMetadataProvider
            from botocore.utils import InstanceMetadataFetcher
            import os
            c = InstanceMetadataProvider(iam_role_fetcher=InstanceMetadataFetcher(timeout=5, num_attempts=2, base_url=os.environ["AWS_EC2_METADATA_SERVICE_ENDPOINT"])).load()
            print("KEY=" + c.access_key)
            """], new Dictionary<string, string?> { ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = hop.Url });
        (await python.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, python.Output);

        var served = Imds.Json((await Imds.GetAsync(daemon.As("127.0.0.51"), Imds.Credentials + "app-role")).Body);
        python.StandardOutput.Should().Contain("KEY=" + served.GetProperty("AccessKeyId").GetString());
        node.AbsentFrom(python.Output).Should().BeTrue();
        (await daemon.MetricsAsync()).Should().NotContain("kind=\"token\"", "botocore never got a token: it used IMDSv1");
    }
}
