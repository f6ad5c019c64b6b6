using System.Text.RegularExpressions;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Deploy.Tests;

/// <summary>deploy/ as a platform team applies it: it renders, real kubectl applies it, and every workload fits its service.</summary>
public sealed partial class ManifestTests
{
    private static readonly string[] Services = ["Kube2Iam", "Router", "IngressController", "DnsController", "JobCleaner", "NodeGate"];

    [Fact]
    public async Task Base_RendersAWorkloadForEveryService()
    {
        var objects = Kustomize.Objects(await Kustomize.RenderAsync("deploy/base"));

        Workloads(objects).Select(w => w.Text("spec", "template", "metadata", "annotations", "aws-integrations.io/service"))
            .Should().BeEquivalentTo(Services);
        objects.Where(o => o.Text("kind") != "Namespace" && o.Text("kind") is not ("ClusterRole" or "ClusterRoleBinding"))
            .Select(o => o.Text("metadata", "namespace")).Distinct().Should().Equal("aws-integrations");
    }

    [Fact]
    public async Task ExampleOverlay_SetsTheClusterValuesInOnePlace()
    {
        var yaml = await Kustomize.RenderAsync("deploy/overlays/example");

        yaml.Should().Contain("--cluster-id=prod-eu-1").And.Contain("--txt-owner-id=prod-eu-1")
            .And.Contain("--domain-filter=prod.example.org").And.Contain("--base-role-arn=arn:aws:iam::210987654321:role/")
            .And.Contain("kind: LimitRange").And.Contain("pod-security.kubernetes.io/enforce: baseline");
    }

    [Fact]
    public async Task ExampleOverlay_AppliesWithKubectlToTheApiServer()
    {
        await using var kube = await KubernetesEmulator.StartAsync(0);
        var kubeconfig = kube.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"deploy-{Guid.NewGuid():N}.kubeconfig"));
        var yaml = await Kustomize.RenderAsync("deploy/overlays/example");

        await using var kubectl = ChildProcess.Start("kubectl", ["--kubeconfig", kubeconfig, "apply", "-f", "-"]);
        await kubectl.WriteInputAsync(yaml);
        (await kubectl.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, kubectl.Output);

        foreach (var (kind, ns, name) in new[]
        {
            ("DaemonSet", "aws-integrations", "kube2iam"), ("DaemonSet", "aws-integrations", "router"),
            ("Deployment", "aws-integrations", "ingress-controller"), ("Deployment", "aws-integrations", "dns-controller"),
            ("Deployment", "aws-integrations", "job-cleaner"), ("Deployment", "aws-integrations", "node-gate"),
            ("ClusterRole", "", "aws-integrations-kube2iam"), ("NetworkPolicy", "aws-integrations", "dns-controller"),
            ("PodDisruptionBudget", "aws-integrations", "job-cleaner"), ("LimitRange", "default", "container-defaults"),
        })
        {
            kube.Get(kind, ns.Length == 0 ? null : ns, name).Should().NotBeNull($"{kind} {ns}/{name} was applied");
        }
    }

    [Fact]
    public async Task Workloads_RunTheImageOfTheirServiceAsNonRootWithReadOnlyRoot()
    {
        foreach (var workload in Workloads(Kustomize.Objects(await Kustomize.RenderAsync("deploy/base"))))
        {
            var service = workload.Text("spec", "template", "metadata", "annotations", "aws-integrations.io/service")!;
            File.Exists(Repository.PathOf($"services/{service}/{service}.csproj")).Should().BeTrue($"{service} is a service the Dockerfile builds");
            var container = workload.At("spec", "template", "spec", "containers", 0);
            container.Text("image").Should().StartWith($"aws-integrations/{service.ToLowerInvariant()}:", "the image built with --build-arg SERVICE=" + service);
            container.Text("securityContext", "readOnlyRootFilesystem").Should().Be("true");
            container.Text("securityContext", "allowPrivilegeEscalation").Should().Be("false");
            (container.Text("securityContext", "runAsNonRoot") ?? workload.Text("spec", "template", "spec", "securityContext", "runAsNonRoot")).Should().Be("true");
            container.Items("securityContext", "capabilities", "drop").Should().Equal("ALL");
            container.Items("securityContext", "capabilities", "add").Cast<string>().Should()
                .BeSubsetOf(service == "Kube2Iam" ? ["NET_ADMIN", "NET_RAW"] : [], "only Kube2Iam needs capabilities (its iptables rule)");
            workload.Text("spec", "template", "spec", "enableServiceLinks").Should().Be("false", "service links would set env vars that look like our flags");
        }
    }

    [Fact]
    public async Task Probes_PointAtTheManagementEndpointsOnTheMetricsPort()
    {
        foreach (var workload in Workloads(Kustomize.Objects(await Kustomize.RenderAsync("deploy/base"))))
        {
            var container = workload.At("spec", "template", "spec", "containers", 0);
            var metricsPort = Args(container).Select(a => MetricsPortArg().Match(a)).Single(m => m.Success).Groups[1].Value;
            var named = container.Items("ports").Single(p => p.Text("name") == "metrics");
            named.At("containerPort")!.ToString().Should().Be(metricsPort);
            container.Text("livenessProbe", "httpGet", "path").Should().Be("/healthz");
            container.Text("readinessProbe", "httpGet", "path").Should().Be("/readyz");
            container.Text("livenessProbe", "httpGet", "port").Should().Be("metrics");
            container.Text("readinessProbe", "httpGet", "port").Should().Be("metrics");
        }
    }

    [Fact]
    public async Task GracePeriod_CoversTheShutdownDelayAndTimeout()
    {
        foreach (var workload in Workloads(Kustomize.Objects(await Kustomize.RenderAsync("deploy/base"))))
        {
            var args = Args(workload.At("spec", "template", "spec", "containers", 0)).ToList();
            var delay = Seconds(args, "shutdown-delay", 5);
            var timeout = Seconds(args, "shutdown-timeout", 20);
            var grace = int.Parse(workload.Text("spec", "template", "spec", "terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture);
            grace.Should().BeGreaterThanOrEqualTo(delay + timeout, workload.Text("metadata", "name"));
        }
    }

    [Fact]
    public async Task EveryFlagInTheManifests_IsAFlagOfTheService()
    {
        foreach (var workload in Workloads(Kustomize.Objects(await Kustomize.RenderAsync("deploy/overlays/example"))))
        {
            var service = workload.Text("spec", "template", "metadata", "annotations", "aws-integrations.io/service")!;
            var known = await FlagsOfAsync(service);
            foreach (var arg in Args(workload.At("spec", "template", "spec", "containers", 0)))
            {
                var name = arg.TrimStart('-').Split('=')[0];
                known.Should().Contain(name, $"{service} is given --{name} in deploy/");
            }
        }
    }

    private static async Task<HashSet<string>> FlagsOfAsync(string service)
    {
        await using var help = ChildProcess.StartDotnet(Repository.ServiceAssembly(service), ["--help"]);
        (await help.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, help.Output);
        return help.StandardOutput.Select(line => FlagInHelp().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
    }

    private static IEnumerable<Dictionary<object, object>> Workloads(IEnumerable<Dictionary<object, object>> objects) =>
        objects.Where(o => o.Text("kind") is "Deployment" or "DaemonSet");

    private static IEnumerable<string> Args(object? container) => container.Items("args").Cast<string>();

    private static int Seconds(List<string> args, string flag, int fallback)
    {
        var value = args.FirstOrDefault(a => a.StartsWith($"--{flag}=", StringComparison.Ordinal))?.Split('=')[1];
        return value is null ? fallback : (int)TimeSpan.FromSeconds(value.EndsWith('m') ? int.Parse(value[..^1], System.Globalization.CultureInfo.InvariantCulture) * 60 : int.Parse(value.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture)).TotalSeconds;
    }

    [GeneratedRegex(@"^--metrics-port=(\d+)$")]
    private static partial Regex MetricsPortArg();

    [GeneratedRegex(@"^\s+--([a-z0-9-]+)")]
    private static partial Regex FlagInHelp();
}
