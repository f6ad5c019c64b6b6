namespace AwsIntegrations.Hosting.Options;

/// <summary>Thrown by the binder when the user asks for --help; the host prints the flags and exits 0.</summary>
public sealed class HelpRequestedException : Exception
{
    public HelpRequestedException()
        : base("help requested")
    {
    }

    public HelpRequestedException(string message)
        : base(message)
    {
    }

    public HelpRequestedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
