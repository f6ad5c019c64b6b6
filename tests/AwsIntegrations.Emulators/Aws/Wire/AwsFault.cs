namespace AwsIntegrations.Emulators.Aws;

/// <summary>An AWS error the emulator answers with (thrown by handlers, rendered in the service's protocol).</summary>
public sealed class AwsFault : Exception
{
    public AwsFault(string code, string message, int statusCode = 400)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
    }

    public AwsFault()
        : this("InternalFailure", "internal failure", 500)
    {
    }

    public AwsFault(string message)
        : this("ValidationError", message)
    {
    }

    public AwsFault(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalFailure";
        StatusCode = 500;
    }

    public string Code { get; }

    public int StatusCode { get; }
}
