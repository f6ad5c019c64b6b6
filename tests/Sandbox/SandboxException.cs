namespace AwsIntegrations.Sandbox;

/// <summary>A sandbox step that failed; its message is what the user sees.</summary>
public sealed class SandboxException : Exception
{
    public SandboxException()
    {
    }

    public SandboxException(string message)
        : base(message)
    {
    }

    public SandboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
