using AwsIntegrations.Hosting.Options;
using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Tests.Options;

public class IngressControllerOptionsTests
{
    private static IngressControllerOptions Bind(params string[] args) => FlagBinder.Bind<IngressControllerOptions>(["--cluster-id=prod", .. args], _ => null);

    [Fact]
    public void DeregistrationDelay_DefaultsToAwsOwnFiveMinutes()
    {
        Bind().DeregistrationDelay.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData("--deregistration-delay=30s")]
    [InlineData("--deregistration-delay-timeout=30s")]
    public void DeregistrationDelay_OurNameAndTheAnchorsName_AreBothUnderstood(string flag)
    {
        Bind(flag).DeregistrationDelay.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("--deregistration-delay=61m")]
    [InlineData("--deregistration-delay=-1s")]
    [InlineData("--deregistration-delay=five")]
    public void DeregistrationDelay_OutsideZeroToAnHourOrNotADuration_IsAClearError(string flag)
    {
        var act = () => Bind(flag);

        act.Should().Throw<FlagException>().Which.Message.Should().Contain("deregistration-delay");
    }
}
