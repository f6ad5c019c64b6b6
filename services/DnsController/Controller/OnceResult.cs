namespace DnsController.Controller;

/// <summary>The exit code of a --once run: 0 when the pass changed everything it planned, 1 otherwise.</summary>
public sealed class OnceResult
{
    public int ExitCode { get; set; }
}
