namespace AwsIntegrations.IngressController.Controller;

/// <summary>
/// What an Ingress's status needs this pass: left as it is, set to <see cref="Hostname"/> (null: cleared), or written once
/// its load balancer is ready, in <see cref="WaitFor"/>.
/// </summary>
public sealed record StatusAction(bool Write, string? Hostname, TimeSpan? WaitFor)
{
    public static readonly StatusAction Keep = new(false, null, null);

    public static StatusAction Set(string hostname) => new(true, hostname, null);

    public static readonly StatusAction Clear = new(true, null, null);

    public static StatusAction Wait(TimeSpan wait) => new(false, null, wait);
}
