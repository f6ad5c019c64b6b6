using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Hosting.Tests.Options;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5s", 1.5)]
    [InlineData("300ms", 0.3)]
    [InlineData("2h45m10s", 9910)]
    [InlineData("0", 0)]
    [InlineData("45", 45)]
    [InlineData("-1s", -1)]
    public void TryParse_GoSyntax_GivesSeconds(string text, double seconds)
    {
        GoDuration.TryParse(text, out var value).Should().BeTrue();
        value.TotalSeconds.Should().BeApproximately(seconds, 1e-9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10x")]
    [InlineData("1h-")]
    [InlineData("ten minutes")]
    public void TryParse_Garbage_IsRejected(string text)
    {
        GoDuration.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(900, "15m")]
    [InlineData(5400, "1h30m")]
    [InlineData(0.25, "250ms")]
    [InlineData(3600, "1h")]
    [InlineData(0, "0s")]
    public void Format_RoundTrips(double seconds, string text)
    {
        GoDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(text);
        GoDuration.TryParse(text, out var back).Should().BeTrue();
        back.Should().Be(TimeSpan.FromSeconds(seconds));
    }
}
