using AwsIntegrations.DnsController.Registry;

namespace AwsIntegrations.DnsController.Tests.Registry;

public class OwnerLabelsTests
{
    [Fact]
    public void Serialize_WritesExternalDnsFormatWithQuotesAndSortedLabels()
    {
        new OwnerLabels("example", "ingress/default/example").Serialize()
            .Should().Be("\"heritage=external-dns,external-dns/owner=example,external-dns/resource=ingress/default/example\"");
    }

    [Fact]
    public void Parse_ReadsWhatExternalDnsWrote()
    {
        var labels = OwnerLabels.Parse("\"heritage=external-dns,external-dns/owner=cluster-1,external-dns/resource=service/kube-system/lb\"");

        labels.Should().NotBeNull();
        labels!.Owner.Should().Be("cluster-1");
        labels.Resource.Should().Be("service/kube-system/lb");
    }

    [Theory]
    [InlineData("\"v=spf1 include:_spf.example.com ~all\"")]
    [InlineData("\"heritage=mate,external-dns/owner=x\"")]
    [InlineData("\"mate:cluster\"")]
    [InlineData("\"heritage=external-dns,owner=x\"")]
    public void Parse_SomethingElse_IsNotAnOwnershipRecord(string value)
    {
        OwnerLabels.Parse(value).Should().BeNull();
    }

    [Fact]
    public void Parse_WithoutOwner_HasEmptyOwner()
    {
        OwnerLabels.Parse("\"heritage=external-dns\"")!.Owner.Should().BeEmpty();
    }

    // Malformed ownership records are not ours (external-dns endpoint/labels.go would read some of these; we do not).
    [Theory]
    [InlineData("\"heritage=external-dns,external-dns/owner=default,external-dns/resource=ingress/default/web")]
    [InlineData("heritage=external-dns,external-dns/owner=default,external-dns/resource=ingress/default/web\"")]
    [InlineData("\"heritage=external-dns,external-dns/owner=default,external-dns/team=web\"")]
    [InlineData("\"heritage=external-dns,external-dns/owner=default,external-dns/owner=other\"")]
    [InlineData("\"heritage=external-dns,external-dns/owner=default,\"")]
    [InlineData("\"heritage=external-dns,external-dns/owner=default,external-dns/resource=ingress/default/\" \"web\"")]
    [InlineData("\"heritage=external-dns,external-dns/owner=default,external-dns/resource=ingress/default/w\\\"eb\"")]
    [InlineData("\"")]
    [InlineData("")]
    public void Parse_Malformed_IsNotAnOwnershipRecord(string value)
    {
        OwnerLabels.Parse(value).Should().BeNull();
    }

    [Fact]
    public void Parse_AValueOfTwoHundredFiftyFiveCharactersSplitInTwoStrings_IsNotAnOwnershipRecord()
    {
        var resource = "ingress/default/" + new string('w', 300);
        var inner = $"heritage=external-dns,external-dns/owner=default,external-dns/resource={resource}";

        // Route 53 holds a TXT value longer than 255 characters only as several quoted strings.
        OwnerLabels.Parse($"\"{inner[..255]}\" \"{inner[255..]}\"").Should().BeNull();
    }

    [Fact]
    public void FromValues_MoreThanOneValue_IsNotAnOwnershipRecord()
    {
        var value = "\"heritage=external-dns,external-dns/owner=default,external-dns/resource=ingress/default/web\"";

        OwnerLabels.FromValues([value]).Should().NotBeNull();
        OwnerLabels.FromValues([value, "\"v=spf1 -all\""]).Should().BeNull();
        OwnerLabels.FromValues([]).Should().BeNull();
    }
}
