using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.IngressController.Apply;
using AwsIntegrations.IngressController.Certificates;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.IngressController.Planning;
using AwsIntegrations.IngressController.Waf;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Controllers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>
/// One pass: observe (informer caches; AWS only on resync or after a failed write) → pure plan → apply (ELBv2 writes,
/// Ingress status, Events). Between resyncs the inventory is kept by the applier, so a pass with nothing to change
/// makes no AWS call at all — except that load balancers still provisioning are read again (by ARN) until they are active.
/// What one Ingress asks for never stops the others: bad values are problems of that Ingress, and a write AWS refuses
/// stops only the load balancer it was for, which is not tried again with the same wants before the next resync.
/// </summary>
public sealed partial class IngressReconciler : IReconciler
{
    /// <summary>How often a load balancer still provisioning is read again.</summary>
    public static readonly TimeSpan ProvisioningPoll = TimeSpan.FromSeconds(15);

    /// <summary>How soon a pass runs again after AWS refused a certificate, so the load balancer is finished without it.</summary>
    private static readonly TimeSpan AfterRefusedCertificate = TimeSpan.FromSeconds(1);

    private readonly IElbV2Api _elb;
    private readonly ClusterView _cluster;
    private readonly IngressControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly IngressMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Ownership _ownership;
    private readonly LoadBalancerSettings _settings;
    private readonly IngressDefaults _defaults;
    private readonly InventoryReader _inventoryReader;
    private readonly NetworkReader _networkReader;
    private readonly CertificateCache _certificates;
    private readonly StatusWriter _status;
    private readonly ProblemReporter _problems;
    private readonly WebAclSync? _webAcls;
    private AwsInventory? _inventory;
    private NetworkView? _network;
    private DateTimeOffset _lastFullRead;
    private DateTimeOffset _lastStateRead;
    private IReadOnlyDictionary<string, DateTimeOffset> _unneeded = new Dictionary<string, DateTimeOffset>();
    private IReadOnlyDictionary<string, string> _assignments = new Dictionary<string, string>();
    private readonly Dictionary<string, (string Fingerprint, IngressProblem Problem)> _refusedAlbs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refusedCertificates = new(StringComparer.Ordinal);

    public IngressReconciler(IElbV2Api elb, IEc2Api ec2, IAcmApi acm, IKubernetes kube, ClusterView cluster, Kubernetes.Events.EventRecorder? events,
        IngressControllerOptions options, TimeProvider time, IngressMetrics metrics, ILogger<IngressReconciler>? logger = null, IWafv2Api? waf = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _elb = elb;
        _cluster = cluster;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _ownership = Ownership.From(options);
        _settings = LoadBalancerSettings.From(options);
        _defaults = IngressDefaults.From(options);
        _inventoryReader = new InventoryReader(elb, _ownership);
        _networkReader = new NetworkReader(ec2, options);
        _certificates = new CertificateCache(acm, time, options.CertPollingInterval, CertificateFilter.From(options));
        _status = new StatusWriter(kube);
        _problems = new ProblemReporter(events, _logger);
        _webAcls = waf is null ? null : new WebAclSync(waf);
    }

    /// <summary>The load balancers as the controller last knew them (null before the first pass).</summary>
    public AwsInventory? Inventory => _inventory;

    public Ownership Ownership => _ownership;

    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        // Never plan (and so never clean up) from a partial view of the cluster.
        await _cluster.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        try
        {
            if (_inventory is null || now - _lastFullRead >= _options.ResyncInterval * 0.9)
            {
                await ReadEverythingAsync(now, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ReadProvisioningAsync(now, cancellationToken).ConfigureAwait(false);
            }

            await _certificates.RefreshIfDueAsync(force: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AwsServiceException or AwsProtocolException or HttpRequestException or TimeoutException)
        {
            _inventory = null;
            return ReconcileResult.Failure($"reading AWS: {e.Message}");
        }

        var inventory = _inventory!;
        var network = _network!;
        var classes = _cluster.Classes.List();
        var served = _options.ServedClasses;
        var all = _cluster.Ingresses.List();
        var ours = all.Where(i => i.Metadata.DeletionTimestamp is null && IngressClassFilter.IsOurs(i, served, classes))
            .ToDictionary(i => $"{i.Metadata.NamespaceProperty}/{i.Metadata.Name}", StringComparer.Ordinal);

        var problems = ours.ToDictionary(p => p.Key, p => (p.Value, new List<IngressProblem>()), StringComparer.Ordinal);
        var requests = new List<PlacementRequest>();
        var hostsWithoutCertificate = 0;
        var hostsOnExpiringCertificate = 0;
        foreach (var (key, ingress) in ours.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var model = IngressReader.Read(ingress, _defaults);
            problems[key].Item2.AddRange(model.Problems);
            if (model.ClusterLocalOnly)
            {
                continue; // only cluster-local hosts: no load balancer, as kube-ingress-aws-controller does
            }

            // A Network Load Balancer without --nlb-http-enabled has no plain listener: without a certificate nothing is served.
            model = model with { HttpsOnly = model.HttpsOnly || (model.Group.IsNetwork && !_options.NlbHttpEnabled) };
            var certificates = IngressCertificates.Resolve(model, _certificates.Certificates, now, _options.MinCertValidity, _refusedCertificates);
            problems[key].Item2.AddRange(certificates.Problems);
            hostsWithoutCertificate += certificates.HostsWithoutCertificate;
            hostsOnExpiringCertificate += certificates.HostsOnExpiringCertificate;
            if (model.HttpsOnly && certificates.Arns.Count == 0 && (model.Hosts.Count > 0 || model.Group.IsNetwork))
            {
                continue; // nothing of it could be served
            }

            var current = _assignments.GetValueOrDefault(key)
                ?? model.StatusHostnames.Select(h => inventory.AlbByDnsName(h)?.Name).FirstOrDefault(n => n is not null);
            requests.Add(new PlacementRequest(key, model.Group, certificates.Arns, current));
        }

        var existing = inventory.Albs.Keys.Select(n => (Name: n, Parsed: _ownership.Parse(n))).Where(p => p.Parsed is not null)
            .Select(p => (p.Name, p.Parsed!.Value.GroupHash, p.Parsed.Value.Slot));
        var placement = Packer.Pack(requests, existing, _options.MaxCertsPerAlb, _ownership.AlbName);
        foreach (var (key, list) in placement.Problems)
        {
            problems[key].Item2.AddRange(list);
        }

        var desired = Resolve(placement, inventory, network, problems);
        var targets = _cluster.Targets();
        var held = HeldBack(desired, targets, problems);
        var plan = Planner.Build(desired, inventory, targets, _settings, _unneeded, now);
        var applier = new Applier(_elb, _ownership, new ApplyContext(network.VpcId, _options.RouterPort, _options.TargetType == TargetType.Ip ? "ip" : "instance"));
        ApplyOutcome outcome;
        try
        {
            outcome = await applier.ApplyAsync([.. plan.Changes.Where(c => !held.Contains(c.Alb))], inventory, c =>
            {
                _metrics.Write(c.Operation);
                LogApplied(_logger, c.Operation, c.Alb);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ApplyException e)
        {
            // What landed is unknown after a failed write: read everything again on the next pass.
            _inventory = null;
            return ReconcileResult.Failure($"applying the plan: {e.Message}");
        }

        Remember(outcome, desired, requests, targets, problems);
        var wafFailure = await ApplyWebAclsAsync(desired, inventory, problems, cancellationToken).ConfigureAwait(false);
        _unneeded = plan.Unneeded;
        _assignments = placement.Assignments;
        var statusDue = await WriteStatusesAsync(all, ours, placement, inventory, now, cancellationToken).ConfigureAwait(false);
        _problems.Report(problems);
        _metrics.Observe(inventory.Albs.Count, ours.Count, _certificates.Certificates.Count, hostsWithoutCertificate, hostsOnExpiringCertificate);

        TimeSpan? requeue = plan.NextCleanupAt is { } at ? at - now : null;
        if (statusDue is { } due && (requeue is null || requeue > due))
        {
            requeue = due;
        }

        if (outcome.RefusedCertificates.Count > 0)
        {
            requeue = AfterRefusedCertificate;
        }

        if (wafFailure is not null)
        {
            return ReconcileResult.Failure($"WAF: {wafFailure}");
        }

        var certificateRefresh = _options.CertPollingInterval;
        return ReconcileResult.Success(requeue is null || requeue > certificateRefresh ? certificateRefresh : requeue < TimeSpan.Zero ? TimeSpan.Zero : requeue);
    }

    /// <summary>Everything we own in ELBv2, the web ACL associations, the network; forgets what AWS refused, so it is tried once more.</summary>
    private async Task ReadEverythingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _inventory = await _inventoryReader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (_webAcls is not null)
        {
            await _webAcls.ReadAsync(_inventory, cancellationToken).ConfigureAwait(false);
        }

        _network = await _networkReader.ReadAsync(cancellationToken).ConfigureAwait(false);
        _lastFullRead = now;
        _lastStateRead = now;
        _refusedAlbs.Clear();
        _refusedCertificates.Clear();
        _metrics.InventoryRead();
    }

    /// <summary>
    /// Reads again (DescribeLoadBalancers by ARN, at most every <see cref="ProvisioningPoll"/>) just the load balancers that
    /// are still provisioning, so an Ingress's status follows as soon as its load balancer is active (AWS takes minutes).
    /// </summary>
    private async Task ReadProvisioningAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var provisioning = _inventory!.Albs.Values.Where(a => a.State == "provisioning").ToDictionary(a => a.Arn, StringComparer.Ordinal);
        if (provisioning.Count == 0 || now - _lastStateRead < ProvisioningPoll * 0.9)
        {
            return;
        }

        foreach (var described in await _elb.DescribeLoadBalancersAsync([.. provisioning.Keys], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (provisioning.TryGetValue(described.Arn, out var alb))
            {
                alb.State = described.State;
            }
        }

        _lastStateRead = now;
        _metrics.StateRead();
    }

    /// <summary>
    /// Load balancers whose last write AWS refused and whose wants have not changed since: left alone until the Ingress
    /// changes or the next resync (no write is repeated that AWS will refuse again), with the refusal on their Ingresses.
    /// </summary>
    private HashSet<string> HeldBack(Dictionary<string, DesiredAlb> desired, IReadOnlySet<string> targets, Dictionary<string, (V1Ingress, List<IngressProblem>)> problems)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, refusal) in _refusedAlbs.ToList())
        {
            if (!desired.TryGetValue(name, out var alb) || Fingerprint(alb, targets) != refusal.Fingerprint)
            {
                _refusedAlbs.Remove(name);
                continue;
            }

            held.Add(name);
            foreach (var member in alb.Ingresses)
            {
                problems[member].Item2.Add(refusal.Problem);
            }
        }

        return held;
    }

    /// <summary>Puts what AWS refused on the Ingresses concerned, and remembers it (certificates by ARN, the rest by load balancer).</summary>
    private void Remember(ApplyOutcome outcome, Dictionary<string, DesiredAlb> desired, List<PlacementRequest> requests, IReadOnlySet<string> targets, Dictionary<string, (V1Ingress, List<IngressProblem>)> problems)
    {
        foreach (var (name, refusal) in outcome.Refused)
        {
            if (!refusal.IsCertificate)
            {
                _metrics.Refusal(refusal.Change.Operation, refusal.Code);
                LogRefused(_logger, refusal.Change.Operation, name, refusal.Code, refusal.Message);
            }

            if (refusal.IsCertificate || !desired.TryGetValue(name, out var alb))
            {
                continue;
            }

            var problem = RefusalProblem(refusal, name);
            _refusedAlbs[name] = (Fingerprint(alb, targets), problem);
            foreach (var member in alb.Ingresses)
            {
                problems[member].Item2.Add(problem);
            }
        }

        foreach (var (arn, reason) in outcome.RefusedCertificates)
        {
            _metrics.Refusal("AddListenerCertificates", reason.Split(':')[0]);
            LogRefusedCertificate(_logger, arn, reason);
            _refusedCertificates[arn] = reason;
            if (arn.Contains(":acm:", StringComparison.Ordinal))
            {
                _certificates.Invalidate(); // an ACM certificate ELBv2 does not know: the list is out of date
            }

            foreach (var request in requests.Where(r => r.Certificates.Contains(arn)))
            {
                problems[request.IngressKey].Item2.Add(IngressCertificates.Refused(arn, reason));
            }
        }
    }

    private static IngressProblem RefusalProblem(Refusal refusal, string alb)
    {
        var reason = refusal.Code switch
        {
            "SSLPolicyNotFound" => "SslPolicyNotFound",
            "InvalidSecurityGroup" => "SecurityGroupNotFound",
            "SubnetNotFound" or "InvalidSubnet" => "SubnetsNotFound",
            _ when refusal.Code.StartsWith("TooMany", StringComparison.Ordinal) => "QuotaExceeded",
            _ => "LoadBalancerRejected",
        };
        var advice = reason == "QuotaExceeded" ? "raise the quota or remove load balancers" : "it is tried again when the Ingress changes or at the next resync";
        return new IngressProblem(reason, $"AWS refused {refusal.Change.Operation} for load balancer {alb}: {refusal.Code}: {refusal.Message}; {advice}");
    }

    /// <summary>What a load balancer is wanted as: a refusal is retried only when this changes.</summary>
    private static string Fingerprint(DesiredAlb alb, IReadOnlySet<string> targets) => string.Join('|',
        alb.Group.Hash, string.Join(',', alb.Certificates), string.Join(',', alb.Subnets ?? []), alb.SecurityGroup ?? "",
        string.Join(',', targets.Order(StringComparer.Ordinal)));

    /// <summary>Web ACL associations after the load balancers exist; null, or why the pass must be retried (the rest of it still runs).</summary>
    private async Task<string?> ApplyWebAclsAsync(Dictionary<string, DesiredAlb> desired, AwsInventory inventory, Dictionary<string, (V1Ingress, List<IngressProblem>)> problems, CancellationToken cancellationToken)
    {
        if (_webAcls is null)
        {
            return null;
        }

        string? failure = null;
        try
        {
            await _webAcls.ApplyAsync(desired, inventory, (operation, alb) =>
            {
                _metrics.Write(operation);
                LogApplied(_logger, operation, alb);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AwsServiceException or AwsProtocolException or HttpRequestException or TimeoutException)
        {
            _inventory = null; // what landed is unknown: read everything again
            failure = e.Message;
        }

        foreach (var (ingress, problem) in _webAcls.Problems(desired, inventory))
        {
            problems[ingress].Item2.Add(problem);
        }

        return failure;
    }

    private Dictionary<string, DesiredAlb> Resolve(Placement placement, AwsInventory inventory, NetworkView network, Dictionary<string, (V1Ingress, List<IngressProblem>)> problems)
    {
        var desired = new Dictionary<string, DesiredAlb>(StringComparer.Ordinal);
        foreach (var (name, alb) in placement.Albs)
        {
            var subnets = network.SubnetsFor(alb.Group.Scheme, alb.Group.Type);
            var securityGroup = alb.Group.IsNetwork ? null : alb.Group.SecurityGroup ?? network.SecurityGroup;
            if (!inventory.Albs.ContainsKey(name))
            {
                foreach (var member in alb.Ingresses)
                {
                    if (subnets is null)
                    {
                        problems[member].Item2.Add(new IngressProblem("SubnetsNotFound",
                            $"no subnets {(alb.Group.IsNetwork ? "in an availability zone" : "in two availability zones")} for {alb.Group.Scheme} load balancers: tag them kubernetes.io/cluster/{_options.ClusterId} " +
                            $"(and {(alb.Group.Scheme == "internal" ? "kubernetes.io/role/internal-elb" : "kubernetes.io/role/elb, or route them to an internet gateway")}), or set --subnets or --vpc-id"));
                    }

                    if (securityGroup is null && !alb.Group.IsNetwork)
                    {
                        problems[member].Item2.Add(new IngressProblem("SecurityGroupNotFound",
                            $"no security group is tagged kubernetes.io/cluster/{_options.ClusterId} and {_options.SecurityGroupTag} (or set --security-group)"));
                    }
                }
            }

            desired[name] = alb with { Subnets = subnets, SecurityGroup = securityGroup };
        }

        return desired;
    }

    /// <summary>
    /// Status of our Ingresses points at their load balancer once it is active (and --min-load-balancer-age old); Ingresses
    /// that left us lose it. Returns how soon a status is due to be written (a load balancer provisioning or too young).
    /// </summary>
    private async Task<TimeSpan?> WriteStatusesAsync(IReadOnlyList<V1Ingress> all, Dictionary<string, V1Ingress> ours, Placement placement, AwsInventory inventory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        TimeSpan? due = null;
        foreach (var ingress in all.OrderBy(i => i.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(i => i.Metadata.Name, StringComparer.Ordinal))
        {
            var key = $"{ingress.Metadata.NamespaceProperty}/{ingress.Metadata.Name}";
            string? hostname;
            if (ours.ContainsKey(key) && placement.Assignments.TryGetValue(key, out var albName) && inventory.Albs.TryGetValue(albName, out var alb))
            {
                if (!alb.IsActive && alb.State != "provisioning")
                {
                    continue; // failed: AWS will not make it active; the next resync reads it again
                }

                var wait = !alb.IsActive ? ProvisioningPoll
                    : _options.MinLoadBalancerAge > TimeSpan.Zero ? alb.CreatedTime + _options.MinLoadBalancerAge - now
                    : TimeSpan.Zero;
                if (wait > TimeSpan.Zero)
                {
                    due = due is { } d && d < wait ? d : wait;
                    continue;
                }

                hostname = alb.DnsName.ToLowerInvariant();
            }
            else
            {
                // Not (or no longer) served by us: clear only a status that names one of our load balancers.
                var pointsAtUs = (ingress.Status?.LoadBalancer?.Ingress ?? []).Any(e => e.Hostname is { } h && inventory.AlbByDnsName(h) is not null);
                if (!pointsAtUs)
                {
                    continue;
                }

                hostname = null;
            }

            if (!StatusWriter.Matches(ingress, hostname))
            {
                await _status.WriteAsync(ingress, hostname, cancellationToken).ConfigureAwait(false);
                _metrics.StatusUpdate();
            }
        }

        return due;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Operation} on {LoadBalancer}")]
    private static partial void LogApplied(ILogger logger, string operation, string loadBalancer);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "AWS refused {Operation} on {LoadBalancer}: {Code}: {AwsMessage}; the other load balancers go on")]
    private static partial void LogRefused(ILogger logger, string operation, string loadBalancer, string code, string awsMessage);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "AWS refused certificate {Certificate} ({Reason}); it is left out until the next resync")]
    private static partial void LogRefusedCertificate(ILogger logger, string certificate, string reason);
}
