using System.Text.Json;
using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Kube2Iam.Tests.Harness;

/// <summary>The node's own credentials and instance profile, read straight from the emulated metadata service: what must never leak.</summary>
public sealed record NodeSecrets(string AccessKeyId, string SecretAccessKey, string Token, string InstanceProfileArn)
{
    public static async Task<NodeSecrets> ReadAsync(AwsEmulator aws)
    {
        using var http = new HttpClient { BaseAddress = aws.BaseUrl };
        var role = await http.GetStringAsync("/latest/meta-data/iam/security-credentials/");
        using var credentials = JsonDocument.Parse(await http.GetStringAsync("/latest/meta-data/iam/security-credentials/" + role.Trim()));
        using var info = JsonDocument.Parse(await http.GetStringAsync("/latest/meta-data/iam/info"));
        var c = credentials.RootElement;
        return new NodeSecrets(c.GetProperty("AccessKeyId").GetString()!, c.GetProperty("SecretAccessKey").GetString()!, c.GetProperty("Token").GetString()!,
            info.RootElement.GetProperty("InstanceProfileArn").GetString()!);
    }

    /// <summary>True when the text carries none of the node's secrets (nor its instance profile).</summary>
    public bool AbsentFrom(string text) =>
        !text.Contains(AccessKeyId, StringComparison.Ordinal) && !text.Contains(SecretAccessKey, StringComparison.Ordinal)
        && !text.Contains(Token, StringComparison.Ordinal) && !text.Contains(InstanceProfileArn, StringComparison.Ordinal);
}
