namespace AwsIntegrations.Aws;

/// <summary>AWS (or something posing as it) answered with a body our client cannot read.</summary>
public sealed class AwsProtocolException : Exception
{
    public AwsProtocolException()
    {
    }

    public AwsProtocolException(string message)
        : base(message)
    {
    }

    public AwsProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
