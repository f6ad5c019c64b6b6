namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Per-account request-rate throttling with AWS's token buckets: each call takes a token from its operation's bucket,
/// a bucket refills at a fixed rate up to its capacity, and a call that finds it empty gets the service's throttling
/// error. The rates, and the AWS page each follows:
/// <list type="bullet">
/// <item>Route 53: one bucket for every call of the account, 5 per second ("Quotas on API requests": "five requests
/// per second per AWS account"). Since 2026-07-30 AWS documents 10/s with a burst of 50; the emulator keeps the stricter
/// figure, so a controller that fits under it fits under both.</item>
/// <item>ELBv2: Describe* 40 tokens refilled at 10/s ("Request throttling for the Elastic Load Balancing API");
/// RegisterTargets/DeregisterTargets 20 at 4/s and every other mutating call 20 at 3/s, the buckets
/// aws-load-balancer-controller sets to stay under AWS's (pkg/aws/throttle/defaults.go).</item>
/// <item>EC2: Describe* 100 tokens refilled at 20/s ("Request throttling for the Amazon EC2 API", non-mutating actions).</item>
/// <item>ACM: per operation, in requests per second ("AWS Certificate Manager quotas", API rate quotas).</item>
/// </list>
/// STS, WAFv2 and instance metadata are not throttled: AWS publishes no per-operation rate for the calls the suite makes.
/// </summary>
public sealed class RequestThrottle(TimeProvider time)
{
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>True when the call may proceed; false when its bucket is empty (the caller answers the throttling error).</summary>
    public bool TryTake(EmulatedService service, string operation)
    {
        var (name, capacity, refillPerSecond) = BucketOf(service.Name, operation);
        if (name is null)
        {
            return true;
        }

        lock (_gate)
        {
            if (!_buckets.TryGetValue(name, out var bucket))
            {
                bucket = _buckets[name] = new TokenBucket(capacity, refillPerSecond, time.GetUtcNow());
            }

            return bucket.TryTake(time.GetUtcNow());
        }
    }

    /// <summary>Refills every bucket (a test that throttled on purpose starts the next step from a full account).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _buckets.Clear();
        }
    }

    internal static (string? Name, double Capacity, double RefillPerSecond) BucketOf(string service, string operation) => service switch
    {
        "route53" => ("route53", 5, 5),
        "elbv2" when operation.StartsWith("Describe", StringComparison.Ordinal) => ("elbv2:describe", 40, 10),
        "elbv2" when operation is "RegisterTargets" or "DeregisterTargets" => ("elbv2:targets", 20, 4),
        "elbv2" => ("elbv2:mutating", 20, 3),
        "ec2" when operation.StartsWith("Describe", StringComparison.Ordinal) => ("ec2:describe", 100, 20),
        "acm" => ("acm:" + operation, AcmRate(operation), AcmRate(operation)),
        _ => (null, 0, 0),
    };

    private static double AcmRate(string operation) => operation switch
    {
        "ListCertificates" => 8,
        "RequestCertificate" => 5,
        "ImportCertificate" => 1,
        "AddTagsToCertificate" or "RemoveTagsFromCertificate" => 5,
        _ => 10, // DescribeCertificate, GetCertificate, ListTagsForCertificate
    };

    private sealed class TokenBucket(double capacity, double refillPerSecond, DateTimeOffset now)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private DateTimeOffset _refilledAt = now;

        public bool TryTake(DateTimeOffset now)
        {
            var elapsed = (now - _refilledAt).TotalSeconds;
            if (elapsed > 0)
            {
                _tokens = Math.Min(_capacity, _tokens + (elapsed * refillPerSecond));
                _refilledAt = now;
            }

            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
