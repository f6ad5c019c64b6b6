using System.Text.Json.Serialization;

namespace AwsIntegrations.Kube2Iam.Metadata;

[JsonSerializable(typeof(string))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext
{
}
