using System.Text.Json.Serialization;

namespace AwsIntegrations.Kube2Iam.Roles;

[JsonSerializable(typeof(string[]))]
internal sealed partial class RolesJsonContext : JsonSerializerContext
{
}
