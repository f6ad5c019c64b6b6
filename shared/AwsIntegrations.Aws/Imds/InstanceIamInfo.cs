namespace AwsIntegrations.Aws;

/// <summary>meta-data/iam/info: the instance profile of the node.</summary>
public sealed record InstanceIamInfo(string Code, string InstanceProfileArn, string InstanceProfileId, DateTimeOffset LastUpdated);
