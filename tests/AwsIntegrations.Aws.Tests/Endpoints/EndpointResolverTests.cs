namespace AwsIntegrations.Aws.Tests.Endpoints;

public sealed class EndpointResolverTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    [Theory]
    [InlineData("eu-central-1", "elbv2", "https://elasticloadbalancing.eu-central-1.amazonaws.com/")]
    [InlineData("eu-central-1", "ec2", "https://ec2.eu-central-1.amazonaws.com/")]
    [InlineData("eu-central-1", "acm", "https://acm.eu-central-1.amazonaws.com/")]
    [InlineData("eu-central-1", "sts", "https://sts.eu-central-1.amazonaws.com/")]
    [InlineData("eu-central-1", "route53", "https://route53.amazonaws.com/")]
    [InlineData("eu-central-1", "wafv2", "https://wafv2.eu-central-1.amazonaws.com/")]
    [InlineData("cn-north-1", "ec2", "https://ec2.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-north-1", "route53", "https://route53.amazonaws.com.cn/")]
    public void Resolve_NoConfiguredEndpoint_UsesPublicRegionalEndpoint(string region, string service, string expected)
    {
        var resolver = new EndpointResolver(region, environment: Env());

        resolver.Resolve(AwsService.All.Single(s => s.Name == service)).Url.ToString().Should().Be(expected);
    }

    [Fact]
    public void Resolve_Route53_IsSignedForUsEast1WhateverTheRegion()
    {
        new EndpointResolver("eu-central-1", environment: Env()).Resolve(AwsService.Route53).SigningRegion.Should().Be("us-east-1");
        new EndpointResolver("cn-north-1", environment: Env()).Resolve(AwsService.Route53).SigningRegion.Should().Be("cn-northwest-1");
        new EndpointResolver("eu-central-1", "http://127.0.0.1:1", Env()).Resolve(AwsService.Route53).SigningRegion.Should().Be("us-east-1");
        new EndpointResolver("eu-central-1", environment: Env()).Resolve(AwsService.ElbV2).SigningRegion.Should().Be("eu-central-1");
    }

    [Theory]
    [InlineData("STS", "AWS_ENDPOINT_URL_STS")]
    [InlineData("EC2", "AWS_ENDPOINT_URL_EC2")]
    [InlineData("ACM", "AWS_ENDPOINT_URL_ACM")]
    [InlineData("Route 53", "AWS_ENDPOINT_URL_ROUTE_53")]
    [InlineData("Elastic Load Balancing v2", "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2")]
    [InlineData("WAFV2", "AWS_ENDPOINT_URL_WAFV2")]
    public void EndpointEnvironmentVariable_FollowsTheSdkServiceIdConvention(string serviceId, string variable)
    {
        AwsService.All.Single(s => s.ServiceId == serviceId).EndpointEnvironmentVariable.Should().Be(variable);
    }

    [Fact]
    public void Resolve_ServiceVariableWinsOverGlobalVariable()
    {
        var resolver = new EndpointResolver("eu-central-1", environment: Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL_ROUTE_53", "http://127.0.0.1:5000")));

        resolver.Resolve(AwsService.Route53).Url.Should().Be(new Uri("http://127.0.0.1:5000"));
        resolver.Resolve(AwsService.Ec2).Url.Should().Be(new Uri("http://127.0.0.1:4566"));
    }

    [Fact]
    public void Resolve_FlagOverridesGlobalVariableButNotServiceVariable()
    {
        var resolver = new EndpointResolver("eu-central-1", "http://127.0.0.1:7000", Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:5000")));

        resolver.Resolve(AwsService.Acm).Url.Should().Be(new Uri("http://127.0.0.1:7000"));
        resolver.Resolve(AwsService.Ec2).Url.Should().Be(new Uri("http://127.0.0.1:5000"));
    }

    [Fact]
    public void Resolve_IgnoreConfiguredEndpoints_UsesPublicEndpoint()
    {
        var resolver = new EndpointResolver("eu-central-1", environment: Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")));

        resolver.Resolve(AwsService.Sts).Url.Should().Be(new Uri("https://sts.eu-central-1.amazonaws.com/"));
    }

    [Fact]
    public void Resolve_MalformedEndpoint_ThrowsClearError()
    {
        var resolver = new EndpointResolver("eu-central-1", environment: Env(("AWS_ENDPOINT_URL_ACM", "not a url")));

        var act = () => resolver.Resolve(AwsService.Acm);

        act.Should().Throw<ArgumentException>().WithMessage("*ACM*not a url*");
    }

    [Fact]
    public void Validate_BadOptions_ThrowClearErrors()
    {
        ((Action)(() => new AwsOptions { MaxAttempts = 0 }.Validate())).Should().Throw<ArgumentException>().WithMessage("*--aws-max-attempts*");
        ((Action)(() => new AwsOptions { EndpointUrl = "::nope" }.Validate())).Should().Throw<ArgumentException>().WithMessage("*--aws-endpoint-url*");
        ((Action)(() => new AwsOptions { RetryQuota = -1 }.Validate())).Should().Throw<ArgumentException>();
    }
}
