namespace DnsController.Controller;

/// <summary>Lets informer handlers (created before the loop) trigger the loop once it exists.</summary>
public sealed class TriggerRelay
{
    private volatile Action? _target;

    public void Connect(Action target) => _target = target;

    public void Fire() => _target?.Invoke();
}
