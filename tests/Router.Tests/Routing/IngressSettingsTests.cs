using k8s;
using k8s.Models;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Options;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Tests.Routing;

/// <summary>The https redirect an Ingress gets, on the cases of skipper's golden files (dataclients/kubernetes/testdata/ingressV1/ingress-data/redirect-*).</summary>
public sealed class IngressSettingsTests
{
    [Theory]
    // redirect-ing.yaml (httpsRedirect: true) and redirect-ing-no-redirect.yaml (false): the flag alone
    [InlineData(true, 308, null, null, null, 308)]
    [InlineData(false, 308, null, null, null, 0)]
    // redirect-ing-disable-annotation.yaml: "false" beats the flag
    [InlineData(true, 308, "false", null, null, 0)]
    // redirect-ing-no-redirect-enable-annotation.yaml and …-with-code.yaml: "true" without the flag, with the Ingress's code
    [InlineData(false, 308, "true", null, null, 308)]
    [InlineData(false, 308, "true", "301", null, 301)]
    // redirect-ing-change-global-code.yaml and …-overwrite-annotation.yaml
    [InlineData(true, 302, null, null, null, 302)]
    [InlineData(true, 302, null, "301", null, 301)]
    // redirect.go: a code outside 300–399 is ignored
    [InlineData(true, 308, null, "200", null, 308)]
    // no-redirect-for-proto-https-routes.yaml: an Ingress that matches X-Forwarded-Proto itself is never redirected
    [InlineData(true, 308, null, null, "Weight(3) && Path(\"/api/registered-applications\") && Method(\"POST\") && Header(\"X-Forwarded-Proto\", \"https\")", 0)]
    [InlineData(true, 308, "true", null, "Header(\"X-Forwarded-Proto\", \"https\")", 0)]
    public void Read_RedirectAnnotationsAndFlags_GiveSkippersRedirect(bool flag, int flagCode, string? redirect, string? code, string? predicate, int expected)
    {
        var annotations = new Dictionary<string, string>();
        Put(annotations, IngressSettings.SkipperRedirectAnnotation, redirect);
        Put(annotations, IngressSettings.SkipperRedirectCodeAnnotation, code);
        Put(annotations, SkipperAnnotations.PredicateAnnotation, predicate);
        var ingress = new V1Ingress { Metadata = new V1ObjectMeta { Name = "qux", NamespaceProperty = "foo", Annotations = annotations } };
        var settings = new BuildSettings("aws-integrations", LoadBalancing.RoundRobin, TimeSpan.FromSeconds(60), new EndpointRegistry(),
            RedirectHttpToHttps: flag, RedirectCode: flagCode);
        var problems = new List<BuildProblem>();

        IngressSettings.Read(ingress, settings, problems).RedirectCode.Should().Be(expected);
        problems.Should().HaveCount(code == "200" ? 1 : 0);
    }

    private static void Put(Dictionary<string, string> annotations, string key, string? value)
    {
        if (value is not null)
        {
            annotations[key] = value;
        }
    }
}
