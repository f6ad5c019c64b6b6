using System.Text.Json.Serialization;

namespace Kube2Iam.Roles;

[JsonSerializable(typeof(string[]))]
internal sealed partial class RolesJsonContext : JsonSerializerContext
{
}
