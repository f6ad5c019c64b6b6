namespace AwsIntegrations.Aws.Tests.Contract;

/// <summary>The contract checker itself catches the mistakes it exists for.</summary>
public sealed class WireContractTests
{
    [Fact]
    public void QueryRequest_FlattenedListOrWrongName_IsReported()
    {
        var contract = new WireContract(BotocoreModel.Load("elbv2", "2015-12-01"));

        contract.CheckQueryRequest("DescribeLoadBalancers", new Dictionary<string, string> { ["Names.member.1"] = "a", ["PageSize"] = "2" });
        contract.Problems.Should().BeEmpty();
        contract.CheckQueryRequest("DescribeLoadBalancers", new Dictionary<string, string> { ["Names.1"] = "a", ["LoadBalancerNames.member.1"] = "b" });

        contract.Problems.Should().HaveCount(2);
    }

    [Fact]
    public void Ec2Request_MemberNameInsteadOfLocationName_IsReported()
    {
        var contract = new WireContract(BotocoreModel.Load("ec2", "2016-11-15"));

        contract.CheckQueryRequest("DescribeSubnets", new Dictionary<string, string> { ["Filter.1.Name"] = "vpc-id", ["Filter.1.Value.1"] = "v", ["SubnetId.1"] = "s" });
        contract.Problems.Should().BeEmpty();
        contract.CheckQueryRequest("DescribeSubnets", new Dictionary<string, string> { ["Filters.1.Name"] = "vpc-id", ["SubnetIds.member.1"] = "s" });

        contract.Problems.Should().HaveCount(2);
    }

    [Fact]
    public void XmlAnswer_WrongCaseOrWrongListItem_IsReported()
    {
        var contract = new WireContract(BotocoreModel.Load("elbv2", "2015-12-01"));

        contract.CheckXmlResponse("DescribeLoadBalancers",
            "<DescribeLoadBalancersResponse><DescribeLoadBalancersResult><LoadBalancers><item><DnsName>x</DnsName></item></LoadBalancers></DescribeLoadBalancersResult></DescribeLoadBalancersResponse>");

        contract.Problems.Should().Contain(p => p.Contains("<item>", StringComparison.Ordinal)).And.Contain(p => p.Contains("DnsName", StringComparison.Ordinal));
    }

    [Fact]
    public void ParserRead_UnknownMember_IsReported()
    {
        var contract = new WireContract(BotocoreModel.Load("route53", "2013-04-01"));

        contract.CheckRead("ListResourceRecordSetsResponse/ResourceRecordSets/ResourceRecordSet/TTL");
        contract.Problems.Should().BeEmpty();
        contract.CheckRead("ListResourceRecordSetsResponse/ResourceRecordSets/ResourceRecordSet/Ttl");

        contract.Problems.Should().ContainSingle();
    }

    [Fact]
    public void JsonAnswer_MemberOutsideTheModel_IsReported()
    {
        var contract = new WireContract(BotocoreModel.Load("acm", "2015-12-08"));

        contract.CheckJsonResponse("ListCertificates", """{"CertificateSummaryList":[{"CertificateArn":"a","NotAfter":"2020-01-01"}],"Next":"x"}""");

        contract.Problems.Should().HaveCount(2, "NotAfter must be epoch seconds and Next is not a member");
    }
}
