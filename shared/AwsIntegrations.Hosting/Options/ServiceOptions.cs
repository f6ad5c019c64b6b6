namespace AwsIntegrations.Hosting.Options;

/// <summary>Flags every service has: logging, the management endpoints, and graceful shutdown.</summary>
public class ServiceOptions : IValidatableOptions
{
    /// <summary>
    /// What the host logs once at start, one warning line each: flags of the tool the service replaces that it accepts and
    /// ignores (see <see cref="IgnoredFlags"/>), settings given in a way that has no effect.
    /// </summary>
    public virtual IEnumerable<string> StartupWarnings() => [];

    [Flag("log-level", "Minimum log level: trace, debug, info, warning, error or fatal.")]
    [AllowedValues("trace", "debug", "info", "information", "warn", "warning", "error", "fatal", "critical", "panic")]
    public string LogLevel { get; set; } = "info";

    [Flag("log-format", "Log format: json (one object per line) or text (for humans).")]
    public LogFormat LogFormat { get; set; } = LogFormat.Json;

    private string _metricsAddress = "0.0.0.0";

    [Flag("metrics-address", "Address the management endpoints (/healthz, /readyz, /metrics) listen on; host:port (':7979', as external-dns and kube-ingress-aws-controller take it) also sets --metrics-port.")]
    public string MetricsAddress
    {
        get => _metricsAddress;
        set
        {
            if (HostPort.TrySplit(value, out var host, out var port))
            {
                _metricsAddress = host;
                MetricsPort = port;
            }
            else
            {
                _metricsAddress = value;
            }
        }
    }

    [Flag("metrics-port", "Port of the management endpoints (/healthz, /readyz, /metrics).")]
    [FlagRange(0, 65535)]
    public int MetricsPort { get; set; } = 9090;

    [Flag("shutdown-delay", "After SIGTERM, how long /readyz fails while the service keeps working, so load balancers stop sending to it.")]
    [FlagRange(0, 3600)]
    public TimeSpan ShutdownDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Flag("shutdown-timeout", "After the delay, how long in-flight requests and reconciles may take to finish before the process exits.")]
    [FlagRange(0, 3600)]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public virtual FlagException? Validate() => null;
}
