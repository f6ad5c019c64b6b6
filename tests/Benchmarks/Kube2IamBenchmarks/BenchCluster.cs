using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Benchmarks.Kube2Iam;

/// <summary>
/// The Kubernetes and AWS emulators in this process and the Kube2Iam daemon as its own process (Release build), with pods of one
/// node whose IPs are loopback addresses the load generator binds to.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public const string Role = "bench-role";
    public const string CredentialsPath = "/latest/meta-data/iam/security-credentials/" + Role;

    private readonly string _directory;

    private BenchCluster(KubernetesEmulator kube, AwsEmulator aws, ChildProcess daemon, string directory, int appPort, int metricsPort)
    {
        Kube = kube;
        Aws = aws;
        Daemon = daemon;
        _directory = directory;
        AppPort = appPort;
        Management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
    }

    public KubernetesEmulator Kube { get; }

    public AwsEmulator Aws { get; }

    public ChildProcess Daemon { get; }

    public int AppPort { get; }

    public HttpClient Management { get; }

    /// <summary>Starts everything; <paramref name="credentialLifetime"/> is how long the credentials STS issues last.</summary>
    public static async Task<BenchCluster> StartAsync(TimeSpan credentialLifetime)
    {
        var kube = await KubernetesEmulator.StartAsync(0);
        var aws = await AwsEmulator.StartAsync(0);
        aws.State.StsCredentialLifetime = credentialLifetime;
        var directory = Directory.CreateTempSubdirectory("kube2iam-bench-").FullName;
        var kubeconfig = kube.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
        kube.Create("Namespace", null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "bench" } });
        var (appPort, metricsPort) = (FreePort.Next(), FreePort.Next());
        var endpoint = aws.BaseUrl.ToString().TrimEnd('/');
        var daemon = ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "Kube2Iam.dll"),
        [
            "--app-port", $"{appPort}", "--app-address", "127.0.0.1", "--metrics-port", $"{metricsPort}", "--metrics-address", "127.0.0.1",
            "--kubeconfig", kubeconfig, "--node", "bench-node", "--base-role-arn", $"arn:aws:iam::{aws.State.AccountId}:role/",
            "--metadata-addr", endpoint, "--log-level", "warning", "--shutdown-delay", "0s",
        ], new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = endpoint,
            ["AWS_REGION"] = aws.State.Region,
            ["AWS_ACCESS_KEY_ID"] = AwsEmulator.DefaultCredentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = AwsEmulator.DefaultCredentials.SecretAccessKey,
        });
        var cluster = new BenchCluster(kube, aws, daemon, directory, appPort, metricsPort);
        await daemon.WaitUntilReadyAsync(metricsPort, TimeSpan.FromSeconds(60));
        return cluster;
    }

    /// <summary>Creates a pod of this node with the bench role; with an IP it is Running at once, without it stays Pending.</summary>
    public void AddPod(string name, string? ip)
    {
        Kube.Create("Pod", "bench", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["annotations"] = new JsonObject { ["iam.amazonaws.com/role"] = Role } },
            ["spec"] = new JsonObject { ["nodeName"] = "bench-node", ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "app:1" }) },
        });
        if (ip is not null)
        {
            GiveIp(name, ip);
        }
    }

    public void GiveIp(string name, string ip) =>
        Kube.Store.Update(Kube.Store.Definition("Pod"), "bench", name, pod =>
        {
            pod["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = ip };
            return pod;
        }, status: true);

    public int AssumeRoleCalls => Aws.Calls.Count("sts", "AssumeRole");

    /// <summary>A counter of the daemon's /metrics (summed over its labels).</summary>
    public async Task<double> MetricAsync(string name)
    {
        return PrometheusText.Sum(await Management.GetStringAsync("/metrics"), name);
    }

    public async ValueTask DisposeAsync()
    {
        Daemon.SendSignal(System.Runtime.InteropServices.PosixSignal.SIGTERM);
        await Daemon.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await Daemon.DisposeAsync();
        Management.Dispose();
        await Aws.DisposeAsync();
        await Kube.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
