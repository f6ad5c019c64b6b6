using AwsIntegrations.JobCleaner.Policy;

namespace AwsIntegrations.JobCleaner.Tests.Policy;

public class AnnotationReaderTests
{
    private static AnnotationResult Read(string key, string value, bool legacy = true) =>
        AnnotationReader.Read(new Dictionary<string, string> { [key] = value }, legacy);

    [Fact]
    public void Read_NoAnnotations_ChangesNothing()
    {
        AnnotationReader.Read(null, true).Override.IsEmpty.Should().BeTrue();
        AnnotationReader.Read(new Dictionary<string, string> { ["team"] = "data" }, true).Override.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("7200", 7200)]
    [InlineData("2h", 7200)]
    [InlineData("1h30m", 5400)]
    [InlineData("90m", 5400)]
    [InlineData("0", 0)]
    public void Read_CleanupAfter_SetsBothAges(string value, int seconds)
    {
        var result = Read(CleanupAnnotations.After, value);

        result.IsValid.Should().BeTrue();
        result.Override.SucceededAge.Should().Be(TimeSpan.FromSeconds(seconds));
        result.Override.FailedAge.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Read_SpecificAge_WinsOverCleanupAfter()
    {
        var result = AnnotationReader.Read(new Dictionary<string, string>
        {
            [CleanupAnnotations.After] = "1h",
            [CleanupAnnotations.FailedAfter] = "24h",
        }, true);

        result.Override.SucceededAge.Should().Be(TimeSpan.FromHours(1));
        result.Override.FailedAge.Should().Be(TimeSpan.FromHours(24));
    }

    [Fact]
    public void Read_KubeJobCleanersCleanupTimeout_IsWholeSeconds()
    {
        Read(CleanupAnnotations.LegacyTimeout, "600").Override.Timeout.Should().Be(TimeSpan.FromMinutes(10));
        Read(CleanupAnnotations.LegacyTimeout, "-1").Override.NeverTimeout.Should().BeTrue();
    }

    [Theory]
    [InlineData(CleanupAnnotations.LegacyTimeout, "0")]
    [InlineData(CleanupAnnotations.LegacyTimeout, " 0 ")]
    [InlineData(CleanupAnnotations.LegacyTimeout, "-1")]
    [InlineData(CleanupAnnotations.LegacyTimeout, "-3600")]
    [InlineData(CleanupAnnotations.Timeout, "0")]
    [InlineData(CleanupAnnotations.Timeout, "0s")]
    [InlineData(CleanupAnnotations.Timeout, "-2h")]
    public void Read_TimeoutOfZeroOrLess_MeansNever(string key, string value)
    {
        // kube-job-cleaner cleaner.py job_expired: `if cleanup_timeout > 0 and seconds_since_start > cleanup_timeout`: 0 never times out.
        var result = Read(key, value);

        result.IsValid.Should().BeTrue();
        result.Override.NeverTimeout.Should().BeTrue();
        result.Override.Timeout.Should().BeNull();
    }

    [Fact]
    public void Read_OurTimeout_TakesDurationsAndWinsOverTheLegacyKey()
    {
        var result = AnnotationReader.Read(new Dictionary<string, string>
        {
            [CleanupAnnotations.LegacyTimeout] = "600",
            [CleanupAnnotations.Timeout] = "3h",
        }, true);

        result.Override.Timeout.Should().Be(TimeSpan.FromHours(3));
    }

    [Fact]
    public void Read_LegacyTimeoutOnANamespace_IsNotOurs()
    {
        Read(CleanupAnnotations.LegacyTimeout, "600", legacy: false).Override.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public void Read_Disabled_IsTrueOrFalse(string value, bool disabled)
    {
        Read(CleanupAnnotations.Disabled, value).Override.Disabled.Should().Be(disabled);
    }

    [Theory]
    [InlineData(CleanupAnnotations.After, "soon", "aws-integrations.io/cleanup-after=\"soon\" is not an age")]
    [InlineData(CleanupAnnotations.After, "-5", "aws-integrations.io/cleanup-after=\"-5\" is not an age")]
    [InlineData(CleanupAnnotations.After, "", "aws-integrations.io/cleanup-after=\"\" is not an age")]
    [InlineData(CleanupAnnotations.SucceededAfter, "1e300", "aws-integrations.io/cleanup-succeeded-after=\"1e300\" is not an age")]
    [InlineData(CleanupAnnotations.FailedAfter, "NaN", "aws-integrations.io/cleanup-failed-after=\"NaN\" is not an age")]
    [InlineData(CleanupAnnotations.Timeout, "2 hours", "aws-integrations.io/cleanup-timeout=\"2 hours\" is not a timeout")]
    [InlineData(CleanupAnnotations.LegacyTimeout, "1h", "cleanup-timeout=\"1h\" is not a timeout: use whole seconds")]
    [InlineData(CleanupAnnotations.LegacyTimeout, "3.5", "cleanup-timeout=\"3.5\" is not a timeout: use whole seconds")]
    [InlineData(CleanupAnnotations.Disabled, "yes please", "aws-integrations.io/cleanup-disabled=\"yes please\" is not true or false")]
    public void Read_InvalidValue_NamesTheAnnotationAndTheValue(string key, string value, string message)
    {
        var result = Read(key, value);

        result.IsValid.Should().BeFalse();
        result.Error.Should().StartWith(message);
        result.Override.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Read_SeveralInvalidValues_NamesEachOne()
    {
        var result = AnnotationReader.Read(new Dictionary<string, string>
        {
            [CleanupAnnotations.After] = "soon",
            [CleanupAnnotations.Disabled] = "maybe",
        }, true);

        result.Error.Should().Contain("\"soon\"").And.Contain("\"maybe\"");
    }
}
