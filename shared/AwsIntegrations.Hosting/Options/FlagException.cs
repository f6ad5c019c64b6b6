namespace AwsIntegrations.Hosting.Options;

/// <summary>A flag or environment value the service cannot start with. The message is the one line the user sees.</summary>
public sealed class FlagException : Exception
{
    public FlagException(string flag, string? value, string allowed, string? source = null)
        : base(Format(flag, value, allowed, source))
    {
        Flag = flag;
        Value = value;
        Allowed = allowed;
    }

    public FlagException(string message)
        : base(message)
    {
        Flag = string.Empty;
        Allowed = string.Empty;
    }

    public FlagException()
        : this("invalid flags")
    {
    }

    public FlagException(string message, Exception innerException)
        : base(message, innerException)
    {
        Flag = string.Empty;
        Allowed = string.Empty;
    }

    public string Flag { get; }

    public string? Value { get; }

    public string Allowed { get; }

    private static string Format(string flag, string? value, string allowed, string? source) =>
        $"invalid value \"{value}\" for --{flag}{(source is null ? string.Empty : $" (from {source})")}: {allowed}";
}
