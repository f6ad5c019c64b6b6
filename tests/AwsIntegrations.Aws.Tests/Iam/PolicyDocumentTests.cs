using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests.Iam;

/// <summary>Policy documents IAM would refuse (MalformedPolicyDocument) are refused when loaded, naming the problem.</summary>
public sealed class PolicyDocumentTests
{
    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Action":"ec2:DescribeVpcs","Resource":"*"}]}""", "has no Effect")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"ec2:DescribeVpcs","Resource":"*"}]}""", "Effect must be Allow or Deny")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"x:Y","NotAction":"x:Z","Resource":"*"}]}""", "exactly one of Action and NotAction")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"DescribeVpcs","Resource":"*"}]}""", "must be prefaced by a vendor")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"x:Y"}]}""", "exactly one of Resource and NotResource")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"x:Y","Resource":"*"}]}""", "should not specify a principal")]
    [InlineData("""{"Version":"2012-10-18","Statement":[{"Effect":"Allow","Action":"x:Y","Resource":"*"}]}""", "Version")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Sid":"with-dash","Effect":"Allow","Action":"x:Y","Resource":"*"}]}""", "must be alpha-numeric")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"x:Y","Resource":"*","Condition":{"NumericLessThan":{"k":"1"}}}]}""", "not evaluated by the emulator")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"x:Y","Resource":"arn:aws:s3:::${aws:username}/*"}]}""", "policy variables")]
    [InlineData("""{"Version":"2012-10-17","Statment":[]}""", "unknown element Statment")]
    public void IdentityPolicy_Malformed_IsRefusedWithTheProblem(string json, string problem)
    {
        var parse = () => PolicyDocument.Parse("bad", json, PolicyKind.Identity);

        parse.Should().Throw<InvalidDataException>().Which.Message.Should().StartWith("MalformedPolicyDocument in bad: ").And.Contain(problem);
    }

    [Fact]
    public void TrustPolicy_NeedsAPrincipalAndNoResource()
    {
        var withResource = () => PolicyDocument.Parse("t", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}}""", PolicyKind.Trust);
        var withoutPrincipal = () => PolicyDocument.Parse("t", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}""", PolicyKind.Trust);

        withResource.Should().Throw<InvalidDataException>().WithMessage("*prohibited field Resource*");
        withoutPrincipal.Should().Throw<InvalidDataException>().WithMessage("*has no Principal*");
    }

    [Fact]
    public void SingleStatementAndSingleValues_AreListsOfOne_StatementsWithoutSidAreNumbered()
    {
        var policy = PolicyDocument.Parse("p", """{"Statement":{"Effect":"Allow","Action":"x:Y","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true}}}}""", PolicyKind.Identity);

        var statement = policy.Statements.Should().ContainSingle().Subject;
        statement.Label.Should().Be("#1");
        statement.Actions.Should().Equal("x:Y");
        statement.Conditions.Should().ContainSingle().Which.Values.Should().Equal("true");
    }
}
