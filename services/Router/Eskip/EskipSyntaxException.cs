namespace AwsIntegrations.Router.Eskip;

/// <summary>Text that is not valid eskip; the message says where, as skipper's parser does.</summary>
public sealed class EskipSyntaxException(string message) : Exception(message)
{
}
