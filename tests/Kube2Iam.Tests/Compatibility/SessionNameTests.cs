using AwsIntegrations.Kube2Iam.Options;
using AwsIntegrations.Kube2Iam.Roles;

namespace AwsIntegrations.Kube2Iam.Tests.Compatibility;

/// <summary>
/// kube2iam iam/iam.go: sessionName(roleARN, remoteIP) = fmt.Sprintf("%.[2]*[1]s", getHash(remoteIP) + "-" + roleARN[last '/'+1:], 64),
/// getHash = fnv.New32a over the IP's bytes, printed with %x. Go is not installed here, so the expected values were computed with
/// an independent FNV-1a (Python: h = 0x811c9dc5; for b in ip: h = ((h ^ b) * 16777619) mod 2^32); CloudTrail queries and IAM
/// conditions on sts:RoleSessionName written for kube2iam see the same names.
/// </summary>
public sealed class SessionNameTests
{
    [Theory]
    // The FNV spec's own vectors for FNV-1a 32.
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Fnv1a32_TheFnvTestVectors(string text, uint expected) =>
        SessionNames.Fnv1a32(text).Should().Be(expected);

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/app-role", "127.0.0.11", "c8e24cfd-app-role")]
    [InlineData("arn:aws:iam::123456789012:role/team/app-writer", "127.0.0.11", "c8e24cfd-app-writer")]
    // %x prints no leading zeros: this IP hashes to 0x0f8ee1d3.
    [InlineData("arn:aws:iam::123456789012:role/app-role", "10.0.3.202", "f8ee1d3-app-role")]
    public void Kube2IamMode_HashOfTheCallersIpThenTheRoleName(string roleArn, string ip, string expected) =>
        SessionNames.For(SessionNameMode.Role, "shop", "web-0", roleArn, ip).Should().Be(expected);

    [Fact]
    public void Kube2IamMode_LongRoleName_CutTo64AsGoCutsIt()
    {
        var role = new string('r', 64);

        var name = SessionNames.Kube2Iam("arn:aws:iam::123456789012:role/" + role, "127.0.0.11");

        name.Should().Be("c8e24cfd-" + new string('r', 55)).And.HaveLength(64);
    }

    [Fact]
    public void Kube2IamMode_PodWithoutAnIpYet_HasNoSessionYet() =>
        SessionNames.For(SessionNameMode.Role, "shop", "web-0", "arn:aws:iam::123456789012:role/app-role", null).Should().BeNull();
}
