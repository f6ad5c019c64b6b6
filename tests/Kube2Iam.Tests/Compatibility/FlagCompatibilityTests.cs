using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kube2Iam.Options;
using AwsIntegrations.Kube2Iam.Roles;

namespace AwsIntegrations.Kube2Iam.Tests.Compatibility;

/// <summary>Every flag kube2iam defines is accepted, and the ones that change how it reaches Kubernetes or logs mean the same here.</summary>
public sealed class FlagCompatibilityTests
{
    private static Kube2IamOptions Bind(params string[] args) => FlagBinder.Bind<Kube2IamOptions>(args, _ => null);

    // kube2iam cmd/main.go addFlags: every flag it defines, in its order, written as pflag takes them (--name=value).
    [Theory]
    [InlineData("--kubeconfig=/etc/kubernetes/kubeconfig")]
    [InlineData("--api-server=https://10.0.0.1:6443", "--api-token=token")]
    [InlineData("--app-port=8181")]
    [InlineData("--metrics-port=9543")]
    [InlineData("--base-role-arn=arn:aws:iam::123456789012:role/")]
    [InlineData("--debug")]
    [InlineData("--default-role=kube2iam-default")]
    [InlineData("--iam-role-key=iam.amazonaws.com/role")]
    [InlineData("--iam-external-id=iam.amazonaws.com/external-id")]
    [InlineData("--iam-role-session-ttl=15m")]
    [InlineData("--iam-role-error-ttl=0")]
    [InlineData("--insecure")]
    [InlineData("--metadata-addr=169.254.169.254")]
    [InlineData("--iptables=true", "--host-ip=10.0.0.5")]
    [InlineData("--auto-discover-base-arn")]
    [InlineData("--auto-discover-default-role")]
    [InlineData("--host-interface=cali+")]
    [InlineData("--namespace-restrictions")]
    [InlineData("--namespace-restriction-format=regexp")]
    [InlineData("--namespace-key=iam.amazonaws.com/allowed-roles")]
    [InlineData("--cache-resync-period=30m")]
    [InlineData("--resolve-duplicate-cache-ips")]
    [InlineData("--host-ip=10.0.0.5")]
    [InlineData("--node=ip-10-0-0-5.eu-central-1.compute.internal")]
    [InlineData("--backoff-max-interval=1s")]
    [InlineData("--backoff-max-elapsed-time=2s")]
    [InlineData("--log-format=text")]
    [InlineData("--log-level=info")]
    [InlineData("--use-regional-sts-endpoint")]
    [InlineData("--verbose")]
    [InlineData("--version")]
    public void EveryKube2IamFlag_IsAccepted(params string[] args)
    {
        var bind = () => Bind(args);

        bind.Should().NotThrow();
    }

    [Fact]
    public void Defaults_AsKube2IamDefinesThem()
    {
        // kube2iam server/server.go NewServer and cmd/main.go: the defaults a DaemonSet without the flag gets.
        var options = Bind();

        options.CacheResyncPeriod.Should().Be(TimeSpan.FromMinutes(30));
        options.ResolveDuplicateCacheIps.Should().BeFalse();
        options.AutoDiscoverDefaultRole.Should().BeFalse();
        options.Debug.Should().BeFalse();
        options.Insecure.Should().BeFalse();
        options.ExemptDefaultRole.Should().BeFalse("ours applies namespace restrictions to the default role unless asked");
        options.LogLevel.Should().Be("info");
    }

    [Fact]
    public void Verbose_WinsOverLogLevel()
    {
        // kube2iam cmd/main.go: if s.Verbose { log.SetLevel(log.DebugLevel) } else { log.SetLevel(logLevel) }.
        Bind("--log-level=error", "--verbose").LogLevel.Should().Be("debug");
    }

    [Fact]
    public void DefaultRoleWithAutoDiscoverDefaultRole_Refused()
    {
        // kube2iam cmd/main.go: "You cannot use --default-role and --auto-discover-default-role at the same time".
        var bind = () => Bind("--default-role=app", "--auto-discover-default-role");

        bind.Should().Throw<FlagException>().WithMessage("*cannot be used together*");
    }

    [Theory]
    // kube2iam iam/arn.go ARNRegexp ^arn:(\w|-)*:iam::\d+:role\/?(\w+|-|\/|\.)*$, checked in cmd/main.go before "/" is appended.
    [InlineData("arn:aws:iam::0123456789:role/", true)] // the chart's extraArgs example (values.yaml)
    [InlineData("arn:aws:iam::123456789012:role/", true)]
    [InlineData("arn:aws:iam::123456789012:role", true)]
    [InlineData("arn:aws:iam::123456789012:role/team", true)]
    [InlineData("arn:aws-cn:iam::123456789012:role/team/sub/", true)]
    [InlineData("arn:aws:iam::xxxxxxx:role/", false)] // the README's RBAC DaemonSet example: kube2iam refuses it too
    [InlineData("arn:aws:iam::123456789012:user/", false)]
    [InlineData("arn:aws:iam::123456789012:role/a b", false)]
    public void BaseRoleArn_AcceptedExactlyWhereKube2IamAcceptsIt(string baseArn, bool accepted)
    {
        RoleArns.IsValidBase(baseArn).Should().Be(accepted);
        var bind = () => Bind("--base-role-arn=" + baseArn);
        if (accepted)
        {
            bind.Should().NotThrow();
        }
        else
        {
            bind.Should().Throw<FlagException>().WithMessage("*base-role-arn*");
        }
    }

    [Fact]
    public void NamespaceRestrictionFormat_CaseInsensitive()
    {
        // kube2iam mappings/mapper.go: strings.ToLower(r.namespaceRestrictionFormat) == "regexp".
        Bind("--namespace-restriction-format=RegExp").NamespaceRestrictionFormat.Should().Be("regexp");
    }

    [Theory]
    // client-go (kube2iam k8s/k8s.go builds a rest.Config from --api-server): a host without a scheme gets https only when TLS is configured.
    [InlineData("10.0.0.1:6443", false, "http://10.0.0.1:6443/")]
    [InlineData("10.0.0.1:6443", true, "https://10.0.0.1:6443/")]
    [InlineData("https://kubernetes.default.svc", false, "https://kubernetes.default.svc/")]
    public void ApiServer_SchemeAsClientGoDefaultsIt(string server, bool insecure, string expected)
    {
        var args = new List<string> { "--api-server=" + server, "--api-token=t" };
        if (insecure)
        {
            args.Add("--insecure");
        }

        Bind([.. args]).ApiServerUrl!.ToString().Should().Be(expected);
    }

    [Fact]
    public async Task ApiServerAndToken_ConnectWithTheToken_InsecureHonoured()
    {
        // kube2iam k8s/k8s.go NewClient: no --kubeconfig, --api-server and --api-token → that host, that bearer token, TLSClientConfig{Insecure}.
        var connection = KubernetesConnections.Load(Bind("--api-server=https://10.0.0.1:6443", "--api-token=s3cret", "--insecure"), NoInCluster());

        new Uri(connection.Host).Should().Be(new Uri("https://10.0.0.1:6443"));
        connection.SkipTlsVerify.Should().BeTrue();
        using var request = new HttpRequestMessage();
        await k8s.Kubernetes.CreateCredentials(connection).ProcessHttpRequestAsync(request, CancellationToken.None);
        request.Headers.Authorization!.ToString().Should().Be("Bearer s3cret");
    }

    [Fact]
    public void KubeconfigWithInsecure_SkipsVerification_KubeconfigWinsOverApiServer()
    {
        // kube2iam k8s/k8s.go NewClient: a kubeconfig comes first, and "Honor the CLI flag as an override" for --insecure.
        var directory = Directory.CreateTempSubdirectory("kube2iam-config-").FullName;
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://kube.example:6443"}}]
            users: [{name: u, user: {token: from-file}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            current-context: x
            """);
        var options = Bind("--kubeconfig=" + path, "--insecure", "--api-server=https://10.0.0.1:6443", "--api-token=ignored");

        var connection = KubernetesConnections.Load(options, NoInCluster());

        new Uri(connection.Host).Should().Be(new Uri("https://kube.example:6443"));
        connection.SkipTlsVerify.Should().BeTrue();
        StartupWarnings.For(options, NoInCluster()).Should().HaveCount(2).And.OnlyContain(w => w.Contains("--kubeconfig wins", StringComparison.Ordinal));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void InsecureInCluster_IgnoredWithOneWarning()
    {
        // kube2iam k8s/k8s.go NewClient: the in-cluster branch (rest.InClusterConfig) never reads --insecure.
        var directory = Directory.CreateTempSubdirectory("kube2iam-sa-").FullName;
        File.WriteAllText(Path.Combine(directory, "token"), "sa-token");
        var inCluster = new InClusterConfig(directory, name => name switch
        {
            "KUBERNETES_SERVICE_HOST" => "10.96.0.1",
            "KUBERNETES_SERVICE_PORT" => "443",
            _ => null,
        });
        var options = Bind("--insecure");

        var connection = KubernetesConnections.Load(options, inCluster);

        connection.SkipTlsVerify.Should().BeFalse();
        StartupWarnings.For(options, inCluster).Should().ContainSingle().Which.Should().StartWith("--insecure is ignored");
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void ApiServerWithoutToken_IgnoredWithOneWarning()
    {
        // kube2iam k8s/k8s.go NewClient: `else if host != "" && token != ""`: a server alone falls through to in-cluster.
        StartupWarnings.For(Bind("--api-server=https://10.0.0.1:6443"), NoInCluster()).Should().ContainSingle()
            .Which.Should().Be("--api-server is ignored: it is used only together with --api-token, as in kube2iam");
        StartupWarnings.For(Bind("--api-server=https://10.0.0.1:6443", "--api-token=t"), NoInCluster()).Should().BeEmpty();
    }

    private static InClusterConfig NoInCluster() => new("/nonexistent", _ => null);
}
