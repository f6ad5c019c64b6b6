namespace AwsIntegrations.Aws;

/// <summary>The wire protocols of the services we call; each has its own error format.</summary>
internal enum AwsProtocol
{
    Query,
    Ec2,
    RestXml,
    Json,
}
