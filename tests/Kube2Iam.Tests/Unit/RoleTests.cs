using AwsIntegrations.Kube2Iam.Options;
using AwsIntegrations.Kube2Iam.Roles;

namespace AwsIntegrations.Kube2Iam.Tests.Unit;

public sealed class RoleTests
{
    private const string Base = "arn:aws:iam::123456789012:role/";

    [Theory]
    [InlineData("app", Base, "arn:aws:iam::123456789012:role/app")]
    [InlineData("team/app", Base, "arn:aws:iam::123456789012:role/team/app")]
    [InlineData("/app", "arn:aws:iam::123456789012:role", "arn:aws:iam::123456789012:role/app")]
    [InlineData("arn:aws:iam::210987654321:role/other", Base, "arn:aws:iam::210987654321:role/other")]
    [InlineData("arn:aws-cn:iam::123456789012:role/cn", "", "arn:aws-cn:iam::123456789012:role/cn")]
    public void Resolve_NameOrArn_GivesTheRoleArn(string annotation, string baseArn, string expected) =>
        RoleArns.Resolve(annotation, baseArn, out _).Should().Be(expected);

    [Theory]
    [InlineData("app", "")]
    [InlineData("", Base)]
    [InlineData("arn:aws:iam::123:role/x", Base)]
    [InlineData("arn:aws:sts::123456789012:assumed-role/x/y", Base)]
    [InlineData("bad name", Base)]
    [InlineData("app\n", Base + "x/\n")]
    public void Resolve_NotARole_NullWithAReason(string annotation, string baseArn)
    {
        RoleArns.Resolve(annotation, baseArn, out var problem).Should().BeNull();
        problem.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void BaseFromInstanceProfile_KeepsAccountDropsPath() =>
        RoleArns.BaseFromInstanceProfile("arn:aws:iam::123456789012:instance-profile/nodes/profile-1").Should().Be(Base);

    [Fact]
    public void SessionName_PodMode_NamespaceDotName() =>
        SessionNames.For(SessionNameMode.Pod, "shop", "web-7f9c", Base + "app", "10.0.0.1").Should().Be("shop.web-7f9c");

    [Fact]
    public void SessionName_LongNames_CutTo64_AndStillDistinct()
    {
        var a = SessionNames.For(SessionNameMode.Pod, new string('n', 63), new string('p', 200) + "a", Base + "x", null);
        var b = SessionNames.For(SessionNameMode.Pod, new string('n', 63), new string('p', 200) + "b", Base + "x", null);

        a.Should().HaveLength(64).And.MatchRegex(@"^[\w+=,.@-]+$");
        a.Should().NotBe(b);
    }

    [Fact]
    public void SessionName_CharactersStsRefuses_Replaced() =>
        SessionNames.Fit("ns/pod:name*").Should().Be("ns-pod-name-");

    [Theory]
    [InlineData("""["shop-*"]""", "glob", "arn:aws:iam::123456789012:role/shop-web", true)]
    [InlineData("""["shop-*"]""", "glob", "arn:aws:iam::123456789012:role/admin", false)]
    [InlineData("""["arn:aws:iam::123456789012:role/team/*"]""", "glob", "arn:aws:iam::123456789012:role/team/api", true)]
    [InlineData("""["shop-?"]""", "glob", "arn:aws:iam::123456789012:role/shop-1", true)]
    [InlineData("""["shop.web"]""", "glob", "arn:aws:iam::123456789012:role/shopxweb", false)]
    [InlineData("""["shop-(web|api)"]""", "regexp", "arn:aws:iam::123456789012:role/shop-api", true)]
    [InlineData("""["shop"]""", "regexp", "arn:aws:iam::123456789012:role/shop-admin", false)]
    [InlineData("""[]""", "glob", "arn:aws:iam::123456789012:role/shop", false)]
    public void AllowedRoles_MatchesFullArnsAnchored(string annotation, string format, string arn, bool allowed) =>
        AllowedRoles.Parse(annotation, format, Base, TimeSpan.FromMilliseconds(100)).Allows(arn, out _).Should().Be(allowed);

    [Fact]
    public void AllowedRoles_CatastrophicPattern_TimesOutAndDenies()
    {
        var roles = AllowedRoles.Parse("""["(a+)+$x"]""", "regexp", "", TimeSpan.FromMilliseconds(20));

        roles.Allows(new string('a', 5000), out var problem).Should().BeFalse();
        problem.Should().Contain("took too long");
    }
}
