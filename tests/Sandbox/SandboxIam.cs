using System.Text;
using System.Text.Json.Nodes;

namespace AwsIntegrations.Sandbox;

/// <summary>
/// IAM in the sandbox, from deploy/: the roles of deploy/overlays/example/iam re-targeted at the sandbox's account, cluster
/// and zone, each controller with its own role. The IngressController and the DnsController get theirs as IRSA gives them on
/// EKS (AWS_ROLE_ARN and a web identity token for their ServiceAccount, exchanged by the AWS SDK with STS); Kube2Iam takes
/// the node role's credentials from instance metadata and assumes the demo pod's role with them.
/// </summary>
public sealed class SandboxIam(string root, string workDir)
{
    public const string ZoneId = "Z0SANDBOXEXAMPLEORG";
    public const string NodeRole = SandboxEnvironment.ClusterId + "-node";

    /// <summary>The example overlay's values (deploy/overlays/example) → the sandbox's.</summary>
    public static readonly IReadOnlyDictionary<string, string> Retarget = new Dictionary<string, string>
    {
        ["210987654321"] = SandboxEnvironment.AccountId,
        ["prod-eu-1"] = SandboxEnvironment.ClusterId,
        ["Z0123456789EXAMPLE"] = ZoneId,
    };

    private string IamFolder => Path.Combine(root, "deploy", "overlays", "example", "iam");

    public static string RoleArn(string controller) => $"arn:aws:iam::{SandboxEnvironment.AccountId}:role/{SandboxEnvironment.ClusterId}-{controller}";

    /// <summary>The seed's roles: the node role, the two controllers' roles and the demo pod's roles (trusting the node role).</summary>
    public string SeedRoles(IEnumerable<string> podRoles)
    {
        var yaml = new StringBuilder("roles:\n");
        Role(yaml, NodeRole, trust: null, "kube2iam-node-policy");
        foreach (var controller in new[] { "ingress-controller", "dns-controller" })
        {
            Role(yaml, $"{SandboxEnvironment.ClusterId}-{controller}", $"{controller}-irsa-trust-policy", $"{controller}-policy");
        }

        foreach (var role in podRoles)
        {
            Role(yaml, role, "kube2iam-trust-policy");
        }

        return yaml.ToString();
    }

    /// <summary>What EKS's pod identity webhook gives a controller's pod: its role and a token for its ServiceAccount.</summary>
    public IReadOnlyDictionary<string, string> WebIdentityEnvironment(string controller)
    {
        var tokens = Directory.CreateDirectory(Path.Combine(workDir, "tokens")).FullName;
        var file = Path.Combine(tokens, controller);
        File.WriteAllText(file, Token(controller));
        return new Dictionary<string, string>
        {
            ["AWS_ROLE_ARN"] = RoleArn(controller),
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = file,
            ["AWS_ROLE_SESSION_NAME"] = controller + "-0",
        };
    }

    private void Role(StringBuilder yaml, string name, string? trust, params string[] policies)
    {
        yaml.Append("  - name: ").Append(name).Append('\n');
        if (trust is not null)
        {
            yaml.Append("    trustPolicy:\n      name: ").Append(trust).Append("\n      document: |\n").Append(Indent(Read(trust), 8));
        }

        yaml.Append("    policies:").Append(policies.Length == 0 ? " []\n" : "\n");
        foreach (var policy in policies)
        {
            yaml.Append("      - name: ").Append(policy).Append("\n        document: |\n").Append(Indent(Read(policy), 10));
        }
    }

    private string Read(string policy) => Retarget.Aggregate(File.ReadAllText(Path.Combine(IamFolder, policy + ".json")),
        (text, r) => text.Replace(r.Key, r.Value, StringComparison.Ordinal));

    /// <summary>A ServiceAccount token as EKS projects it (issuer: the OIDC provider the IRSA trust policy names); unsigned, as the emulator reads it.</summary>
    private string Token(string controller)
    {
        var provider = JsonNode.Parse(Read($"{controller}-irsa-trust-policy"))!["Statement"]![0]!["Principal"]!["Federated"]!.GetValue<string>();
        var issuer = "https://" + provider[(provider.IndexOf("oidc-provider/", StringComparison.Ordinal) + "oidc-provider/".Length)..];
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["sub"] = $"system:serviceaccount:aws-integrations:{controller}",
            ["aud"] = new JsonArray("sts.amazonaws.com"),
            ["exp"] = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds(),
        };
        static string Encode(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode("""{"alg":"RS256","kid":"sandbox"}""")}.{Encode(claims.ToJsonString())}.c2FuZGJveA";
    }

    private static string Indent(string text, int spaces) =>
        string.Concat(text.Split('\n').Select(line => new string(' ', spaces) + line.TrimEnd('\r') + "\n"));
}
