using System.Globalization;
using AwsIntegrations.Aws;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// The emulated account's state. Handlers and tests lock <see cref="Gate"/> around reads and writes so every answer
/// sees one consistent picture.
/// </summary>
public sealed class AwsState
{
    private long _nextId = 0x1000;

    public AwsState(string region, string accountId, TimeProvider time)
    {
        Region = region;
        AccountId = accountId;
        Time = time;
        Throttle = new RequestThrottle(time);
    }

    public object Gate { get; } = new();

    public string Region { get; }

    public string AccountId { get; }

    public TimeProvider Time { get; }

    /// <summary>Timing, consistency and throttling, AWS-like by default (<see cref="AwsBehavior"/>); handlers read it live.</summary>
    public AwsBehavior Behavior { get; } = new();

    /// <summary>The account's request-rate token buckets, used while <see cref="AwsBehavior.Throttling"/> is on.</summary>
    public RequestThrottle Throttle { get; }

    /// <summary>Items per page when a Describe/List call gives no page size; null: AWS's defaults. Tests lower it to exercise paging.</summary>
    public int? DefaultPageSize { get; set; }

    public List<Vpc> Vpcs { get; } = [];
    public List<Subnet> Subnets { get; } = [];
    public List<SecurityGroup> SecurityGroups { get; } = [];
    public List<Instance> Instances { get; } = [];
    public List<RouteTable> RouteTables { get; } = [];
    public List<LoadBalancer> LoadBalancers { get; } = [];
    public List<TargetGroup> TargetGroups { get; } = [];
    public List<Listener> Listeners { get; } = [];
    public Dictionary<string, Dictionary<string, string>> ElbTags { get; } = new(StringComparer.Ordinal);
    public List<Certificate> Certificates { get; } = [];
    public List<HostedZone> HostedZones { get; } = [];
    public Dictionary<string, ChangeInfo> Changes { get; } = new(StringComparer.Ordinal);
    public List<WebAcl> WebAcls { get; } = [];

    /// <summary>WAFv2 associations: resource ARN (a load balancer) → web ACL ARN.</summary>
    public Dictionary<string, string> WebAclAssociations { get; } = new(StringComparer.Ordinal);

    /// <summary>Roles STS lets callers assume (name → external id the trust policy demands, or null). Empty: any role.</summary>
    public Dictionary<string, string?> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// When set, assumed-role credentials expire this long after they are issued, whatever DurationSeconds asked (real STS
    /// never does this): benchmarks use it to watch a credential refresh cycle in seconds. Null: as asked.
    /// </summary>
    public TimeSpan? StsCredentialLifetime { get; set; }

    /// <summary>IAM: the roles whose policies are enforced, and the role session behind each temporary key.</summary>
    public IamState Iam { get; } = new();

    /// <summary>Access keys the emulator knows (requests signed with others are refused), with their secret and token.</summary>
    public Dictionary<string, AwsCredentials> AccessKeys { get; } = new(StringComparer.Ordinal);

    public ImdsSettings Imds { get; } = new();

    /// <summary>IMDSv2 session tokens handed out, with their expiry.</summary>
    public Dictionary<string, DateTimeOffset> ImdsTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Credentials the emulator hands out as the node role through instance metadata.</summary>
    public AwsCredentials? NodeRoleCredentials { get; set; }

    /// <summary>A fresh hex id with AWS's shape (prefix + 17 hex digits), unique within this emulator.</summary>
    public string NewId(string prefix) => prefix + Interlocked.Increment(ref _nextId).ToString("x17", CultureInfo.InvariantCulture);

    public string NewHex(int length) =>
        Interlocked.Increment(ref _nextId).ToString("x" + length.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Adds a regional web ACL (callers hold <see cref="Gate"/> or own the state alone); id: a UUID unless given.</summary>
    public WebAcl AddWebAcl(string name, string? id = null)
    {
        id ??= Guid.NewGuid().ToString();
        var acl = new WebAcl { Name = name, Id = id, Arn = $"arn:aws:wafv2:{Region}:{AccountId}:regional/webacl/{name}/{id}" };
        WebAcls.Add(acl);
        return acl;
    }

    /// <summary>New credentials the emulator accepts; with a principal, calls signed with them are that role session's.</summary>
    public AwsCredentials IssueCredentials(string prefix, bool withToken, IamPrincipal? principal = null)
    {
        var id = Interlocked.Increment(ref _nextId).ToString("X16", CultureInfo.InvariantCulture);
        var credentials = new AwsCredentials(prefix + id, "secret/" + Guid.NewGuid().ToString("N"), withToken ? "token-" + Guid.NewGuid().ToString("N") : null);
        lock (Gate)
        {
            AccessKeys[credentials.AccessKeyId] = credentials;
            if (principal is not null)
            {
                Iam.Principals[credentials.AccessKeyId] = principal;
            }
        }

        return credentials;
    }

    public Instance? ImdsInstance()
    {
        lock (Gate)
        {
            return Instances.FirstOrDefault(i => i.Id == Imds.InstanceId) ?? Instances.FirstOrDefault();
        }
    }
}
