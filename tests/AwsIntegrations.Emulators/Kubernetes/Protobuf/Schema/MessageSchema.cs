namespace AwsIntegrations.Emulators.Kubernetes.Protobuf.Schema;

/// <summary>A protobuf message type: its fields by number.</summary>
internal sealed record MessageSchema(string Name, IReadOnlyDictionary<int, FieldSchema> Fields);
