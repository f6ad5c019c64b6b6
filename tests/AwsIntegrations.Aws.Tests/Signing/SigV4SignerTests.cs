namespace AwsIntegrations.Aws.Tests.Signing;

/// <summary>Cases from AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite), inputs and expected signatures.</summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials SuiteCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private const string SuiteDate = "20150830T123600Z";

    public static TheoryData<string, string, string, string[], string, string> Vectors => new()
    {
        { "get-vanilla", "GET", "", [], "", "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "post-vanilla", "POST", "", [], "", "SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "get-vanilla-query-order-key-case", "GET", "Param2=value2&Param1=value1", [], "", "SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "post-header-value-case", "POST", "", ["My-Header1:VALUE1"], "", "SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d" },
        { "get-header-key-duplicate", "GET", "", ["My-Header1:value2", "My-Header1:value2", "My-Header1:value1"], "", "SignedHeaders=host;my-header1;x-amz-date, Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea" },
        { "get-header-value-trim", "GET", "", ["My-Header1: value1", "My-Header2:\"a   b   c\""], "", "SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "post-x-www-form-urlencoded", "POST", "", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1", "SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Authorization_AwsTestSuiteVector_MatchesPublishedSignature(string name, string method, string query, string[] extraHeaders, string body, string expected)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Host", "example.amazonaws.com"), new("X-Amz-Date", SuiteDate) };
        headers.AddRange(extraHeaders.Select(h => new KeyValuePair<string, string>(h[..h.IndexOf(':', StringComparison.Ordinal)], h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..])));
        var input = new SigV4Input(method, "/", query, headers, SigV4Signer.HashHex(System.Text.Encoding.UTF8.GetBytes(body)));

        var authorization = SigV4Signer.Authorization(input, SuiteCredentials, "us-east-1", "service", SuiteDate);

        authorization.Should().Be($"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, {expected}", because: name);
    }

    [Fact]
    public void CanonicalRequest_GetVanilla_MatchesPublishedCanonicalForm()
    {
        var input = new SigV4Input("GET", "/", "", [new("Host", "example.amazonaws.com"), new("X-Amz-Date", SuiteDate)], SigV4Signer.EmptyPayloadHash);

        SigV4Signer.CanonicalRequest(input).Should().Be(
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        SigV4Signer.StringToSign(input, "us-east-1", "service", SuiteDate).Should().EndWith("bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
    }

    [Fact]
    public void UriEncode_ReservedCharacters_ArePercentEncodedUpperCase()
    {
        SigV4Signer.UriEncode("a b/c~d*é").Should().Be("a%20b%2Fc~d%2A%C3%A9");
        SigV4Signer.UriEncode("a/b", keepSlash: true).Should().Be("a/b");
    }
}
