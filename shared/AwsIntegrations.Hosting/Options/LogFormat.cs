namespace AwsIntegrations.Hosting.Options;

public enum LogFormat
{
    Json,
    Text,
}
