namespace AwsIntegrations.Aws.Tests.Acm;

public sealed class AcmClientTests : IAsyncLifetime
{
    private TestAws _aws = null!;
    private AcmClient _acm = null!;

    public async Task InitializeAsync()
    {
        _aws = await TestAws.StartAsync();
        _acm = new AcmClient(_aws.Transport);
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private Task<string> ImportAsync((string Certificate, string PrivateKey) pem, IReadOnlyDictionary<string, string>? tags = null) =>
        _acm.ImportCertificateAsync(new ImportCertificateRequest(pem.Certificate, pem.PrivateKey) { Tags = tags ?? new Dictionary<string, string>() });

    [Fact]
    public async Task ImportCertificate_ThenDescribe_ShowsDomainsValidityAndKey()
    {
        var pem = TestCertificates.Rsa("example.org", alternativeNames: ["*.example.org", "www.example.org"]);

        var arn = await ImportAsync(pem, new Dictionary<string, string> { ["aws-integrations/managed-by"] = "ingress" });
        var detail = await _acm.DescribeCertificateAsync(arn);

        arn.Should().StartWith("arn:aws:acm:eu-central-1:123456789012:certificate/");
        detail.DomainName.Should().Be("example.org");
        detail.SubjectAlternativeNames.Should().Equal("example.org", "*.example.org", "www.example.org");
        detail.Status.Should().Be("ISSUED");
        detail.Type.Should().Be("IMPORTED");
        detail.KeyAlgorithm.Should().Be("RSA_2048");
        detail.NotAfter.Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(90), TimeSpan.FromMinutes(5));
        detail.ImportedAt.Should().NotBeNull();
        _aws.State.Certificates.Single().Tags.Should().ContainKey("aws-integrations/managed-by");
    }

    [Fact]
    public async Task ImportCertificate_KeyOfAnotherCertificate_IsValidationException()
    {
        var one = TestCertificates.Rsa("one.example.org");
        var other = TestCertificates.Rsa("other.example.org");

        var act = () => _acm.ImportCertificateAsync(new ImportCertificateRequest(one.Certificate, other.PrivateKey));

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("ValidationException");
        _aws.State.Certificates.Should().BeEmpty();
    }

    [Fact]
    public async Task ImportCertificate_ExistingArn_ReimportsInPlace()
    {
        var arn = await ImportAsync(TestCertificates.Rsa("old.example.org"));

        var again = await _acm.ImportCertificateAsync(new ImportCertificateRequest(TestCertificates.Rsa("new.example.org").Certificate, TestCertificates.Rsa("x").PrivateKey) { CertificateArn = arn })
            .ContinueWith(t => t.Exception?.InnerException, TaskScheduler.Default);
        var pem = TestCertificates.Rsa("new.example.org");
        var reimported = await _acm.ImportCertificateAsync(new ImportCertificateRequest(pem.Certificate, pem.PrivateKey) { CertificateArn = arn });

        again.Should().BeOfType<AwsServiceException>();
        reimported.Should().Be(arn);
        (await _acm.DescribeCertificateAsync(arn)).DomainName.Should().Be("new.example.org");
    }

    [Fact]
    public async Task ListCertificates_AllKeyTypesByDefault_UnlikeAcmsOwnDefault()
    {
        await ImportAsync(TestCertificates.Rsa("rsa2048.example.org"));
        await ImportAsync(TestCertificates.Rsa("rsa4096.example.org", bits: 4096));
        await ImportAsync(TestCertificates.Ecdsa("ec.example.org"));

        var ours = await _acm.ListCertificatesAsync();
        var acmDefault = await _acm.ListCertificatesAsync(keyTypes: ["RSA_1024", "RSA_2048"]);

        ours.Select(c => c.KeyAlgorithm).Should().BeEquivalentTo(["RSA_2048", "RSA_4096", "EC_prime256v1"]);
        acmDefault.Select(c => c.DomainName).Should().Equal("rsa2048.example.org");
    }

    [Fact]
    public async Task ListCertificates_StatusFilterAndExpiry_AndPaging()
    {
        for (var i = 0; i < 4; i++)
        {
            await ImportAsync(TestCertificates.Rsa($"ok{i}.example.org"));
        }

        await ImportAsync(TestCertificates.Rsa("old.example.org", notAfter: DateTimeOffset.UtcNow.AddDays(-1)));
        var paged = new AcmClient(_aws.Transport) { PageSize = 2 };

        var issued = await paged.ListCertificatesAsync(["ISSUED"]);
        var expired = await paged.ListCertificatesAsync(["EXPIRED"]);
        var all = await paged.ListCertificatesAsync();

        issued.Should().HaveCount(4).And.OnlyContain(c => c.Status == "ISSUED" && c.SubjectAlternativeNameSummaries.Count == 1);
        expired.Single().DomainName.Should().Be("old.example.org");
        all.Should().HaveCount(5);
        _aws.Calls.Count("acm", "ListCertificates").Should().Be(2 + 1 + 3);
    }

    [Fact]
    public async Task DescribeCertificate_InUseByTheLoadBalancerOfItsListener()
    {
        var arn = await ImportAsync(TestCertificates.Rsa("example.org"));
        var elb = new ElbV2Client(_aws.Transport);
        var lb = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]));
        await elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTPS", 443, [new ListenerActionSpec("fixed-response") { FixedResponse = new FixedResponseActionSpec("404") }]) { DefaultCertificateArn = arn });

        var detail = await _acm.DescribeCertificateAsync(arn);
        var summary = (await _acm.ListCertificatesAsync()).Single();

        detail.InUseBy.Should().Equal(lb.Arn);
        summary.InUse.Should().BeTrue();
    }

    [Fact]
    public async Task DescribeCertificate_Unknown_IsResourceNotFoundException()
    {
        var act = () => _acm.DescribeCertificateAsync("arn:aws:acm:eu-central-1:123456789012:certificate/00000000-0000-0000-0000-000000000000");
        var malformed = () => _acm.DescribeCertificateAsync("not-an-arn");

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("ResourceNotFoundException");
        error.RequestId.Should().NotBeNullOrEmpty();
        (await malformed.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidArnException");
    }

    [Fact]
    public async Task ListTagsForCertificate_ReturnsTheImportedTags_AndUnknownIsResourceNotFound()
    {
        var arn = await ImportAsync(TestCertificates.Rsa("tagged.example.org"), new Dictionary<string, string> { ["kubernetes"] = "enabled", ["team"] = "" });

        var tags = await _acm.ListTagsForCertificateAsync(arn);
        var act = () => _acm.ListTagsForCertificateAsync("arn:aws:acm:eu-central-1:123456789012:certificate/00000000-0000-0000-0000-000000000000");

        tags.Should().Equal(new Dictionary<string, string> { ["kubernetes"] = "enabled", ["team"] = "" });
        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("ResourceNotFoundException");
    }

    [Fact]
    public async Task ThrottlingException_IsRetried()
    {
        _aws.Emulator.Faults.FailNext("acm", "ListCertificates", 2, "ThrottlingException", 400);

        await _acm.ListCertificatesAsync();

        _aws.Calls.Of("acm", "ListCertificates").Select(c => c.Result).Should().Equal("ThrottlingException", "ThrottlingException", "Success");
    }
}
