using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;

namespace AwsIntegrations.IngressController.Tests.EndToEnd;

/// <summary>
/// The IngressController as a process with the credentials of its role from deploy/overlays/example/iam, obtained as IRSA
/// gives them (a ServiceAccount token exchanged with STS), against the AWS emulator enforcing that role's policies: the full
/// policy lets it associate an Ingress's web ACL; without the policy's WebAcls statement (what a user who leaves WAF out
/// would deploy) AWS denies the association and the user sees the controller's usual WebAclNotAssociated Event and log line,
/// while the load balancer is made and serves anyway.
/// </summary>
public sealed class IamTests : IAsyncLifetime
{
    private const string Account = "123456789012";
    private const string RoleArn = $"arn:aws:iam::{Account}:role/sandbox-ingress-controller";
    private readonly string _directory = Directory.CreateTempSubdirectory("ingress-iam").FullName;
    private KubernetesEmulator _kube = null!;
    private AwsEmulator _aws = null!;
    private string _kubeconfig = "";
    private string _acl = "";

    public async Task InitializeAsync()
    {
        _kube = await KubernetesEmulator.StartAsync(0);
        _aws = await AwsEmulator.StartAsync(0);
        _kubeconfig = _kube.WriteKubeconfig(Path.Combine(_directory, "kubeconfig"));
        lock (_aws.State.Gate)
        {
            _acl = _aws.State.AddWebAcl("shop-acl").Arn;
        }

        _kube.Create("Node", null, JsonNode.Parse("""{"metadata":{"name":"node-1"},"spec":{"providerID":"aws:///eu-central-1a/i-0a1b2c3d4e5f60001"}}""")!.AsObject());
        _kube.Create("Ingress", "default", JsonNode.Parse("""
            {"metadata":{"name":"shop","annotations":{"alb.ingress.kubernetes.io/wafv2-acl-arn":"ACL"}},
             "spec":{"ingressClassName":"aws-integrations","rules":[{"host":"shop.example.org"}]}}
            """.Replace("ACL", _acl, StringComparison.Ordinal))!.AsObject());
    }

    public async Task DisposeAsync()
    {
        await _aws.DisposeAsync();
        await _kube.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task DeployedPolicy_LetsTheControllerCreateItsLoadBalancerAndAssociateTheWebAcl()
    {
        DefineRole(Policy());
        await using var service = await StartAsync();

        await Eventually.HoldsAsync(() => WebAclOfTheLoadBalancer() == _acl, "the web ACL protects the load balancer", TimeSpan.FromSeconds(60));

        _aws.Calls.All.Where(c => c.UserAgent.StartsWith("IngressController/", StringComparison.Ordinal)).Should().AllSatisfy(c =>
        {
            c.Succeeded.Should().BeTrue($"{c.Service}:{c.Operation} is allowed ({c.Result})");
            c.Principal.Should().StartWith($"arn:aws:sts::{Account}:assumed-role/sandbox-ingress-controller/");
        });
    }

    [Fact]
    public async Task DeployedPolicy_CoversANetworkLoadBalancerToo()
    {
        DefineRole(Policy());
        _kube.Create("Ingress", "default", JsonNode.Parse("""
            {"metadata":{"name":"tcp","annotations":{"zalando.org/aws-load-balancer-type":"nlb"}},
             "spec":{"ingressClassName":"aws-integrations","rules":[{"host":"tcp.example.org"}]}}
            """)!.AsObject());
        await using var service = await StartAsync("--nlb-http-enabled");

        await Eventually.HoldsAsync(() =>
        {
            lock (_aws.State.Gate)
            {
                return _aws.State.LoadBalancers.Any(l => l.Type == "network") && _aws.State.Listeners.Any(l => l.Protocol == "TCP");
            }
        }, "the NLB and its TCP listener are made", TimeSpan.FromSeconds(60));

        _aws.Calls.All.Where(c => c.UserAgent.StartsWith("IngressController/", StringComparison.Ordinal) && !c.Succeeded && c.Result != "Throttling")
            .Should().BeEmpty("the policy allows the NLB's calls as well");
    }

    [Fact]
    public async Task PolicyWithoutWebAcls_TheDenialIsTheUsualWebAclNotAssociatedEventAndLogLine_AndTheLoadBalancerServes()
    {
        var policy = Policy();
        var statements = policy["Statement"]!.AsArray();
        statements.Remove(statements.Single(s => s!["Sid"]!.GetValue<string>() == "WebAcls"));
        DefineRole(policy);
        await using var service = await StartAsync();

        await Eventually.HoldsAsync(() => _kube.All("Event", "default").Any(e => e["reason"]?.GetValue<string>() == "WebAclNotAssociated"),
            "an Event tells the Ingress's owner", TimeSpan.FromSeconds(60));

        var message = _kube.All("Event", "default").Single(e => e["reason"]?.GetValue<string>() == "WebAclNotAssociated")["message"]!.GetValue<string>();
        message.Should().StartWith($"AWS WAF refused web ACL {_acl} for load balancer ing-").And.Contain("AccessDeniedException")
            .And.Contain($"User: arn:aws:sts::{Account}:assumed-role/sandbox-ingress-controller/").And.Contain($"is not authorized to perform: wafv2:AssociateWebACL on resource: {_acl}")
            .And.EndWith("the load balancer serves without it; it is tried again on the next resync");
        await Eventually.HoldsAsync(() => service.StandardOutput.Any(l => l.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal)
            && l.Contains("Ingress default/shop: WebAclNotAssociated: AWS WAF refused web ACL", StringComparison.Ordinal) && l.Contains("wafv2:AssociateWebACL", StringComparison.Ordinal)),
            "the log names the Ingress and the denied action");
        WebAclOfTheLoadBalancer().Should().BeNull();
        _aws.Calls.Of("wafv2", "AssociateWebACL").Should().ContainSingle("a refused ACL waits for the next resync").Which.Result.Should().Be("AccessDeniedException");
    }

    /// <summary>deploy/'s policy for the IngressController, re-targeted from the example cluster (prod-eu-1, account 210987654321) at this one.</summary>
    private static JsonObject Policy() => JsonNode.Parse(Retarget(File.ReadAllText(DeployFile("ingress-controller-policy.json"))))!.AsObject();

    private static string Retarget(string json) => json.Replace("210987654321", Account, StringComparison.Ordinal).Replace("prod-eu-1", "sandbox", StringComparison.Ordinal);

    private void DefineRole(JsonObject policy)
    {
        lock (_aws.State.Gate)
        {
            _aws.State.Iam.Define(Account, "sandbox-ingress-controller",
                ("ingress-controller-irsa-trust-policy", Retarget(File.ReadAllText(DeployFile("ingress-controller-irsa-trust-policy.json")))),
                [("ingress-controller-policy", policy.ToJsonString())]);
        }
    }

    /// <summary>The service with what EKS's pod identity webhook gives its pod: AWS_ROLE_ARN and a token for ServiceAccount ingress-controller.</summary>
    private async Task<ChildProcess> StartAsync(params string[] extraArgs)
    {
        var token = Path.Combine(_directory, "token");
        await File.WriteAllTextAsync(token, Jwt("""
            {"iss":"https://oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE","sub":"system:serviceaccount:aws-integrations:ingress-controller","aud":["sts.amazonaws.com"]}
            """));
        var metricsPort = FreePort.Next();
        var process = ServiceProcess.Run(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = _aws.BaseUrl.ToString().TrimEnd('/'),
            ["AWS_REGION"] = _aws.State.Region,
            ["AWS_ROLE_ARN"] = RoleArn,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = token,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["POD_NAME"] = "ingress-0",
            ["POD_NAMESPACE"] = "default",
        },
        [
            "--cluster-id", "sandbox", "--kubeconfig", _kubeconfig, "--metrics-address", "127.0.0.1", "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture),
            "--debounce", "100ms", "--shutdown-delay", "0s", "--log-format", "json", .. extraArgs,
        ]);
        await process.WaitUntilReadyAsync(metricsPort, TimeSpan.FromSeconds(60));
        return process;
    }

    private string? WebAclOfTheLoadBalancer()
    {
        lock (_aws.State.Gate)
        {
            return _aws.State.LoadBalancers.Select(l => _aws.State.WebAclAssociations.GetValueOrDefault(l.Arn)).SingleOrDefault();
        }
    }

    private static string DeployFile(string name) => RepositoryRoot.Combine("deploy", "overlays", "example", "iam", name);

    private static string Jwt(string payload)
    {
        static string Encode(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s.Trim())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode("""{"alg":"RS256","kid":"k"}""")}.{Encode(payload)}.c2lnbmF0dXJl";
    }
}
