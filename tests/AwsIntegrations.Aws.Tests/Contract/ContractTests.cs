using System.Reflection;
using System.Text.Json.Serialization;
using Xunit.Abstractions;

namespace AwsIntegrations.Aws.Tests.Contract;

/// <summary>
/// Our clients and our emulator against AWS's own service models (botocore): every request parameter our clients
/// send, every answer element the emulator writes, every member our parsers read, every error code answered.
/// </summary>
public sealed class ContractTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly HashSet<string> CommonErrors = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "IncompleteSignature", "InternalFailure", "InvalidAction", "InvalidClientTokenId",
        "InvalidParameterCombination", "InvalidParameterValue", "InvalidQueryParameter", "MalformedQueryString", "MissingAction",
        "MissingAuthenticationToken", "MissingParameter", "OptInRequired", "RequestExpired", "ServiceUnavailable", "Throttling",
        "ThrottlingException", "ValidationError", "ValidationException", "SignatureDoesNotMatch", "UnrecognizedClientException",
        "RequestLimitExceeded",
    };

    private static readonly Dictionary<string, (string Model, string Version)> Models = new()
    {
        ["elbv2"] = ("elbv2", "2015-12-01"),
        ["route53"] = ("route53", "2013-04-01"),
        ["acm"] = ("acm", "2015-12-08"),
        ["ec2"] = ("ec2", "2016-11-15"),
        ["sts"] = ("sts", "2011-06-15"),
        ["wafv2"] = ("wafv2", "2019-07-29"),
    };

    private TestAws _aws = null!;

    public async Task InitializeAsync() => _aws = await TestAws.StartAsync();

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task EveryOperation_RequestsAnswersReadsAndErrors_MatchTheBotocoreModels()
    {
        var reads = await ContractTour.RunAsync(_aws);
        var problems = new List<string>();
        var report = new List<string>();

        foreach (var (service, operations) in ContractTour.Operations)
        {
            var model = BotocoreModel.Load(Models[service].Model, Models[service].Version);
            var contract = new WireContract(model);
            var calls = _aws.Calls.Of(service);
            foreach (var operation in operations)
            {
                var ofOperation = calls.Where(c => c.Operation == operation).ToList();
                if (!ofOperation.Any(c => c.Succeeded))
                {
                    problems.Add($"{service}:{operation} was never called successfully by the tour");
                }

                report.Add($"{service}:{operation}: {ofOperation.Count(c => c.Succeeded)} ok, errors [{string.Join(", ", ofOperation.Where(c => !c.Succeeded).Select(c => c.Result).Distinct())}]");
            }

            foreach (var call in calls)
            {
                Check(contract, model, call);
                if (!call.Succeeded && service != "ec2")
                {
                    contract.CheckErrorCode(call.Operation, call.Result, CommonErrors);
                }
            }

            foreach (var path in reads.GetValueOrDefault(service) ?? [])
            {
                contract.CheckRead(path);
            }

            problems.AddRange(contract.Problems);
        }

        problems.AddRange(CheckAnswerTypes("acm", "2015-12-08",
        [
            (typeof(ListCertificatesAnswer), "ListCertificatesResponse"),
            (typeof(CertificateSummary), "CertificateSummary"),
            (typeof(DescribeCertificateAnswer), "DescribeCertificateResponse"),
            (typeof(CertificateDetail), "CertificateDetail"),
            (typeof(ImportCertificateAnswer), "ImportCertificateResponse"),
            (typeof(ListTagsForCertificateAnswer), "ListTagsForCertificateResponse"),
            (typeof(AcmTagBody), "Tag"),
        ]));
        problems.AddRange(CheckAnswerTypes("wafv2", "2019-07-29", [(typeof(GetWebAclForResourceAnswer), "GetWebACLForResourceResponse"), (typeof(WebAclSummary), "WebACL")]));
        foreach (var line in report)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"{reads.Values.Sum(r => r.Count)} member paths read by our parsers, {_aws.Calls.All.Count} calls checked");
        problems.Should().BeEmpty();
        reads.Values.Sum(r => r.Count).Should().BeGreaterThan(100, "the tour reads the members our services use");
    }

    private static void Check(WireContract contract, BotocoreModel model, Emulators.Aws.RecordedCall call)
    {
        var parameters = ParseForm(call.RequestBody);
        switch (model.Protocol)
        {
            case "query" or "ec2":
                contract.CheckQueryRequest(call.Operation, parameters);
                if (call.Succeeded)
                {
                    contract.CheckXmlResponse(call.Operation, call.ResponseBody);
                }

                break;
            case "rest-xml":
                contract.CheckRestRequest(call.Operation, call.Method, call.Path, call.Query, call.RequestBody);
                if (call.Succeeded)
                {
                    contract.CheckXmlResponse(call.Operation, call.ResponseBody);
                }

                break;
            case "json":
                contract.CheckJsonRequest(call.Operation, call.RequestBody);
                if (call.Succeeded)
                {
                    contract.CheckJsonResponse(call.Operation, call.ResponseBody);
                }

                break;
        }
    }

    /// <summary>Answer types of a JSON client: every JsonPropertyName must be a member of the model's shape.</summary>
    private static IEnumerable<string> CheckAnswerTypes(string service, string version, (Type Type, string Shape)[] pairs)
    {
        var model = BotocoreModel.Load(service, version);
        foreach (var (type, shape) in pairs)
        {
            var members = model.Members(shape).Select(m => m.Name).ToHashSet();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
                if (!members.Contains(name))
                {
                    yield return $"{service}: {type.Name}.{property.Name} reads \"{name}\", which is not a member of {shape}";
                }
            }
        }
    }

    private static Dictionary<string, string> ParseForm(string body) =>
        body.Contains('=', StringComparison.Ordinal) && !body.TrimStart().StartsWith('<') && !body.TrimStart().StartsWith('{')
            ? body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty)
            : [];
}
