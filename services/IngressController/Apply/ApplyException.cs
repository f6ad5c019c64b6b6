namespace AwsIntegrations.IngressController.Apply;

/// <summary>A change that failed; the inner exception says why (usually an AwsServiceException).</summary>
public sealed class ApplyException : Exception
{
    public ApplyException(Planning.Change change, Exception inner)
        : base($"{change?.Operation} on {change?.Alb}: {inner?.Message}", inner)
    {
        Change = change!;
    }

    public ApplyException()
    {
        Change = null!;
    }

    public ApplyException(string message)
        : base(message)
    {
        Change = null!;
    }

    public ApplyException(string message, Exception inner)
        : base(message, inner)
    {
        Change = null!;
    }

    public Planning.Change Change { get; }
}
