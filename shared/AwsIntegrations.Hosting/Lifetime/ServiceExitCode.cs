namespace AwsIntegrations.Hosting.Lifetime;

/// <summary>The exit code a service asks for when it stops by itself (a --once pass that failed); 0 unless set.</summary>
internal sealed class ServiceExitCode
{
    private int _code;

    public int Code
    {
        get => Volatile.Read(ref _code);
        set => Volatile.Write(ref _code, value);
    }
}
