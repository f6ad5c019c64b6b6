using AwsIntegrations.Emulators.Aws;
using Microsoft.Extensions.DependencyInjection;

namespace AwsIntegrations.Aws.Tests;

[Collection(ProcessEnvironment.Name)]
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddAwsIntegrations_ResolvesEveryClient_AndTheyTalkToTheConfiguredEndpoint()
    {
        await using var aws = await AwsEmulator.StartAsync(0);
        var services = new ServiceCollection();
        services.AddSingleton<IAwsCredentialsProvider>(new StaticCredentialsProvider(AwsEmulator.DefaultCredentials));
        services.AddAwsIntegrations(o =>
        {
            o.Region = "eu-central-1";
            o.EndpointUrl = aws.BaseUrl.ToString();
            o.ImdsEndpoint = aws.BaseUrl.ToString();
        });
        await using var provider = services.BuildServiceProvider();

        var vpcs = await provider.GetRequiredService<IEc2Api>().DescribeVpcsAsync();
        await provider.GetRequiredService<IElbV2Api>().DescribeLoadBalancersAsync();
        await provider.GetRequiredService<IRoute53Api>().ListHostedZonesAsync();
        await provider.GetRequiredService<IAcmApi>().ListCertificatesAsync();
        await provider.GetRequiredService<IWafv2Api>().DisassociateWebAclAsync((await provider.GetRequiredService<IElbV2Api>().CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]))).Arn);
        var identity = await provider.GetRequiredService<IStsApi>().GetCallerIdentityAsync(CancellationToken.None);
        var instance = await provider.GetRequiredService<IInstanceMetadataApi>().GetInstanceIdAsync(CancellationToken.None);

        vpcs.Should().ContainSingle();
        identity.Account.Should().Be("123456789012");
        instance.Should().Be("i-0a1b2c3d4e5f60001");
        provider.GetRequiredService<AwsTransport>().Should().BeSameAs(provider.GetRequiredService<AwsTransport>(), "one transport: one retry quota and one set of rate limits per process");
        aws.Calls.All.Select(c => c.Service).Distinct().Should().BeEquivalentTo(["ec2", "elbv2", "route53", "acm", "wafv2", "sts", "imds"]);
    }
}
