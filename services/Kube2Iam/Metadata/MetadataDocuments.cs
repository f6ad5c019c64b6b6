using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AwsIntegrations.Aws;

namespace AwsIntegrations.Kube2Iam.Metadata;

/// <summary>The JSON documents EC2 serves under iam/, laid out as EC2 lays them out (two-space indent, " : ").</summary>
public static class MetadataDocuments
{
    public static string Credentials(AssumedRole role, DateTimeOffset lastUpdated) => Document(
        ("Code", "Success"),
        ("LastUpdated", Stamp(lastUpdated)),
        ("Type", "AWS-HMAC"),
        ("AccessKeyId", role.Credentials.AccessKeyId),
        ("SecretAccessKey", role.Credentials.SecretAccessKey),
        ("Token", role.Credentials.SessionToken ?? string.Empty),
        ("Expiration", Stamp(role.Expiration)));

    /// <summary>iam/info for the pod's own role: an instance profile named after the role, never the node's.</summary>
    public static string Info(string roleArn, DateTimeOffset lastUpdated) => Document(
        ("Code", "Success"),
        ("LastUpdated", Stamp(lastUpdated)),
        ("InstanceProfileArn", InstanceProfileArn(roleArn)),
        ("InstanceProfileId", InstanceProfileId(roleArn)));

    public static string InstanceProfileArn(string roleArn) => roleArn.Replace(":role/", ":instance-profile/", StringComparison.Ordinal);

    public static string InstanceProfileId(string roleArn) =>
        "AIPA" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(roleArn)))[..17];

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Document(params (string Name, string Value)[] fields)
    {
        var text = new StringBuilder("{\n");
        for (var i = 0; i < fields.Length; i++)
        {
            text.Append("  \"").Append(fields[i].Name).Append("\" : ")
                .Append(JsonSerializer.Serialize(fields[i].Value, MetadataJsonContext.Default.String))
                .Append(i < fields.Length - 1 ? ",\n" : "\n");
        }

        return text.Append('}').ToString();
    }
}
