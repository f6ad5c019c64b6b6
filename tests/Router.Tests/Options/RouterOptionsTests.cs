using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Router.Options;

namespace AwsIntegrations.Router.Tests.Options;

public sealed class RouterOptionsTests
{
    [Fact]
    public void Bind_NoFlags_UsesTheSuiteDefaults()
    {
        var options = FlagBinder.Bind<RouterOptions>([], _ => null);

        options.Port.Should().Be(9999);
        options.MetricsPort.Should().Be(9911);
        options.IngressClass.Should().Be("aws-integrations");
        options.ShutdownDelay.Should().Be(TimeSpan.FromSeconds(30));
        options.DefaultLoadBalancer.Should().Be(LoadBalancing.RoundRobin);
    }

    [Fact]
    public void Bind_KebabCaseLoadBalancerAndDurations_AreParsed()
    {
        var options = FlagBinder.Bind<RouterOptions>(["--default-load-balancer", "power-of-two-choices", "--backend-timeout", "90s", "--redirect-http-to-https=true"], _ => null);

        options.DefaultLoadBalancer.Should().Be(LoadBalancing.PowerOfTwoChoices);
        options.BackendTimeout.Should().Be(TimeSpan.FromSeconds(90));
        options.RedirectHttpToHttps.Should().BeTrue();
    }

    [Theory]
    [InlineData("--port", "0")]
    [InlineData("--retries", "11")]
    [InlineData("--max-request-header-bytes", "10")]
    [InlineData("--default-load-balancer", "least-busy")]
    public void Bind_OutOfRangeValue_IsRejectedNamingTheFlag(string flag, string value)
    {
        var bind = () => FlagBinder.Bind<RouterOptions>([flag, value], _ => null);

        bind.Should().Throw<FlagException>().Which.Message.Should().Contain(flag.TrimStart('-'));
    }
}
