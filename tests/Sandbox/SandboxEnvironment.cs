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

    /// <summary>The environment every AWS-facing service gets: exactly what a user with LocalStack or moto would set.</summary>
    public IReadOnlyDictionary<string, string> AwsClientEnvironment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = AwsEndpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_REGION"] = Region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

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
