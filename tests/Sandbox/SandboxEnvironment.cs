using System.Net;
using System.Net.Sockets;

namespace AwsIntegrations.Sandbox;

/// <summary>Where the sandbox's emulators listen and where it keeps its files.</summary>
public sealed class SandboxEnvironment
{
    public const string Region = "eu-central-1";
    public const string ClusterId = "sandbox";
    public const string AccountId = "123456789012";
    public const string AccessKeyId = "AKIDEMULATOR00000000";
    public const string SecretAccessKey = "emulator/secret/access/key";
    public const string Domain = "example.org";

    public SandboxEnvironment(string root, string workDir)
    {
        Root = root;
        WorkDir = workDir;
        Directory.CreateDirectory(LogDirectory);
        KubePort = PreferredOrFree(18080);
        AwsPort = PreferredOrFree(18081);
    }

    public string Root { get; }

    public string WorkDir { get; }

    public string LogDirectory => Path.Combine(WorkDir, "logs");

    public string Kubeconfig => Path.Combine(WorkDir, "kubeconfig");

    public string AwsSeed => Path.Combine(WorkDir, "aws-seed.yaml");

    public int KubePort { get; }

    public int AwsPort { get; }

    public Uri AwsEndpoint => new($"http://127.0.0.1:{AwsPort}");

    /// <summary>Where every AWS-facing service finds AWS: exactly what a user with LocalStack or moto would set.</summary>
    public IReadOnlyDictionary<string, string> AwsEndpointEnvironment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = AwsEndpoint.ToString().TrimEnd('/'),
        ["AWS_REGION"] = Region,
    };

    /// <summary>A controller's AWS environment: the endpoint and, as IRSA gives it, its role and web identity token.</summary>
    public IReadOnlyDictionary<string, string> ControllerAwsEnvironment(IReadOnlyDictionary<string, string> webIdentity) =>
        new Dictionary<string, string>(AwsEndpointEnvironment.Concat(webIdentity)) { ["AWS_EC2_METADATA_DISABLED"] = "true" };

    /// <summary>Kube2Iam's AWS environment: the endpoint, and the node's instance metadata (its instance role's credentials).</summary>
    public IReadOnlyDictionary<string, string> NodeAwsEnvironment =>
        new Dictionary<string, string>(AwsEndpointEnvironment) { ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = AwsEndpoint.ToString().TrimEnd('/') };

    public static int FreePort() => PreferredOrFree(0);

    private static int PreferredOrFree(int preferred)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, preferred);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        catch (SocketException) when (preferred != 0)
        {
            return PreferredOrFree(0);
        }
    }
}
