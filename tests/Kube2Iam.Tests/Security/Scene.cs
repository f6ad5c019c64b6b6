using System.Net;
using AwsIntegrations.Kube2Iam.Tests.Harness;

namespace AwsIntegrations.Kube2Iam.Tests.Security;

/// <summary>
/// A node with a victim pod (role victim-role, credentials already handed out) and a daemon: each attack then asserts
/// that neither the node's secrets nor the victim's credentials reach the attacker, and that the daemon never read the
/// node's credentials from the real metadata service on anyone's behalf.
/// </summary>
public sealed class Scene : IAsyncDisposable
{
    public const string VictimIp = "127.0.0.20";

    private readonly int _upstreamCredentialReadsBefore;

    private Scene(TestCluster cluster, Daemon daemon, NodeSecrets node, string victimBody, int upstreamReads)
    {
        Cluster = cluster;
        Daemon = daemon;
        Node = node;
        VictimCredentials = victimBody;
        _upstreamCredentialReadsBefore = upstreamReads;
    }

    public TestCluster Cluster { get; }

    public Daemon Daemon { get; }

    public NodeSecrets Node { get; }

    public string VictimCredentials { get; }

    public static async Task<Scene> StartAsync(IEnumerable<string>? flags = null, Action<TestCluster>? arrange = null)
    {
        var cluster = await TestCluster.StartAsync();
        cluster.AddNamespace("victims", new Dictionary<string, string> { ["iam.amazonaws.com/allowed-roles"] = """["victim-role"]""" });
        cluster.AddPod("victims", "victim-0", VictimIp, new Dictionary<string, string> { ["iam.amazonaws.com/role"] = "victim-role" });
        arrange?.Invoke(cluster);
        var node = await NodeSecrets.ReadAsync(cluster.Aws);
        var reads = UpstreamCredentialReads(cluster);
        var daemon = await Daemon.StartAsync(cluster, flags);
        var (status, body) = await Imds.GetAsync(daemon.As(VictimIp), Imds.Credentials + "victim-role");
        status.Should().Be(HttpStatusCode.OK, "the victim itself gets its credentials");
        return new Scene(cluster, daemon, node, body, reads);
    }

    /// <summary>Nothing secret in what the attacker saw, and no read of the node's credentials upstream since the daemon started.</summary>
    public void AssertNothingLeaked(string attackerSaw)
    {
        Node.AbsentFrom(attackerSaw).Should().BeTrue("the node's credentials must never reach a pod");
        var victim = Imds.Json(VictimCredentials);
        attackerSaw.Should().NotContain(victim.GetProperty("AccessKeyId").GetString()!).And.NotContain(victim.GetProperty("SecretAccessKey").GetString()!);
        UpstreamCredentialReads(Cluster).Should().Be(_upstreamCredentialReadsBefore, "the daemon never asks the real metadata service for the node's credentials");
    }

    public HttpClient As(string ip) => Daemon.As(ip);

    public async ValueTask DisposeAsync()
    {
        await Daemon.DisposeAsync();
        await Cluster.DisposeAsync();
    }

    private static int UpstreamCredentialReads(TestCluster cluster) =>
        cluster.Aws.Calls.Of("imds").Count(c => c.Path.Contains("security-credentials", StringComparison.Ordinal) || c.Path.Contains("user-data", StringComparison.Ordinal));
}
