using DnsController.Registry;

namespace DnsController.Tests.Registry;

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
}
