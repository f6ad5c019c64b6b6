namespace AwsIntegrations.Emulators.Aws;

/// <summary>Fault injection for the AWS emulator, from tests or through the admin API.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = [];

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.ThrottlePercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "throttle percent must be 0–100");
        }

        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    public FaultRule Throttle(string service, string? operation, int percent) =>
        Add(new FaultRule { Service = service, Operation = operation, ThrottlePercent = percent });

    public FaultRule FailWith(string service, string? operation, string code, int statusCode, int? count = null, string? pathContains = null) =>
        Add(new FaultRule { Service = service, Operation = operation, ErrorCode = code, StatusCode = statusCode, Remaining = count, PathContains = pathContains });

    public FaultRule FailNext(string service, string? operation, int count, string code = "InternalFailure", int statusCode = 500) =>
        FailWith(service, operation, code, statusCode, count);

    public FaultRule AddLatency(string service, string? operation, TimeSpan latency) =>
        Add(new FaultRule { Service = service, Operation = operation, Latency = latency });

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Decides what happens to a call: an added delay and, maybe, the fault to answer with.</summary>
    public (TimeSpan Delay, AwsFault? Fault) Decide(EmulatedService service, string operation, string path = "/")
    {
        var delay = TimeSpan.Zero;
        AwsFault? fault = null;
        lock (_gate)
        {
            foreach (var rule in _rules.Where(r => r.Matches(service.Name, operation, path)))
            {
                delay += rule.Latency;
                if (fault is not null)
                {
                    continue;
                }

                if (rule.ThrottlePercent > 0)
                {
                    rule.Accumulator += rule.ThrottlePercent;
                    if (rule.Accumulator >= 100)
                    {
                        rule.Accumulator -= 100;
                        fault = new AwsFault(service.ThrottleCode, "Rate exceeded", service.ThrottleStatus);
                    }
                }
                else if (rule.ErrorCode is not null && rule.Remaining is null or > 0)
                {
                    rule.Remaining--;
                    fault = new AwsFault(rule.ErrorCode, $"injected fault {rule.ErrorCode}", rule.StatusCode);
                }
            }

            _rules.RemoveAll(r => r.Remaining == 0);
        }

        return (delay, fault);
    }
}
