namespace AwsIntegrations.Emulators.Kubernetes.Protobuf;

/// <summary>The protobuf wire types (groups, 3 and 4, are not used by Kubernetes).</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}
