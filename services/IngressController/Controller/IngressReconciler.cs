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
using AwsIntegrations.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>
/// One pass: observe (informer caches; AWS only on resync or after a failed write) → pure plan → apply (ELBv2 writes,
/// Ingress status, Events). Between resyncs the inventory is kept by the applier, so a pass with nothing to change
/// makes no AWS call at all.
/// </summary>
public sealed partial class IngressReconciler
{
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
    private IReadOnlyDictionary<string, DateTimeOffset> _unneeded = new Dictionary<string, DateTimeOffset>();
    private IReadOnlyDictionary<string, string> _assignments = new Dictionary<string, string>();

    public IngressReconciler(IElbV2Api elb, IEc2Api ec2, IAcmApi acm, KubernetesClient kube, ClusterView cluster, Kubernetes.Events.EventRecorder? events,
        IngressControllerOptions options, TimeProvider time, IngressMetrics metrics, ILogger<IngressReconciler>? logger = null, IWafv2Api? waf = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _elb = elb;
        _cluster = cluster;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _ownership = new Ownership(options.ClusterId);
        _settings = LoadBalancerSettings.From(options);
        _defaults = IngressDefaults.From(options);
        _inventoryReader = new InventoryReader(elb, _ownership);
        _networkReader = new NetworkReader(ec2, options);
        _certificates = new CertificateCache(acm, time, options.CertPollingInterval);
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
                _inventory = await _inventoryReader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (_webAcls is not null)
                {
                    await _webAcls.ReadAsync(_inventory, cancellationToken).ConfigureAwait(false);
                }
                _network = await _networkReader.ReadAsync(cancellationToken).ConfigureAwait(false);
                _lastFullRead = now;
                _metrics.InventoryRead();
            }

            await _certificates.RefreshIfDueAsync(force: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AwsServiceException or AwsProtocolException or HttpRequestException or TimeoutException)
        {
            _inventory = null;
            return ReconcileResult.Failure($"reading AWS: {e.Message}");
        }

        var inventory = _inventory;
        var network = _network!;
        var classes = _cluster.Classes.List();
        var all = _cluster.Ingresses.List();
        var ours = all.Where(i => i.Metadata.DeletionTimestamp is null && IngressClassFilter.IsOurs(i, _options.IngressClass, classes))
            .ToDictionary(i => $"{i.Metadata.Namespace}/{i.Metadata.Name}", StringComparer.Ordinal);

        var problems = ours.ToDictionary(p => p.Key, p => (p.Value, new List<IngressProblem>()), StringComparer.Ordinal);
        var requests = new List<PlacementRequest>();
        var hostsWithoutCertificate = 0;
        foreach (var (key, ingress) in ours.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var model = IngressReader.Read(ingress, _defaults);
            var (arns, certificateProblems) = IngressCertificates.Resolve(model, _certificates.Certificates, now, _options.MinCertValidity);
            problems[key].Item2.AddRange(model.Problems);
            problems[key].Item2.AddRange(certificateProblems);
            hostsWithoutCertificate += certificateProblems.Count;
            if (model.HttpsOnly && arns.Count == 0 && model.Hosts.Count > 0)
            {
                continue; // nothing of it could be served
            }

            var current = _assignments.GetValueOrDefault(key)
                ?? model.StatusHostnames.Select(h => inventory.AlbByDnsName(h)?.Name).FirstOrDefault(n => n is not null);
            requests.Add(new PlacementRequest(key, model.Group, arns, current));
        }

        var existing = inventory.Albs.Keys.Select(n => (Name: n, Parsed: _ownership.Parse(n))).Where(p => p.Parsed is not null)
            .Select(p => (p.Name, p.Parsed!.Value.GroupHash, p.Parsed.Value.Slot));
        var placement = Packer.Pack(requests, existing, _options.MaxCertsPerAlb, _ownership.AlbName);
        foreach (var (key, list) in placement.Problems)
        {
            problems[key].Item2.AddRange(list);
        }

        var desired = Resolve(placement, inventory, network, problems);
        var plan = Planner.Build(desired, inventory, _cluster.Targets(), _settings, _unneeded, now);
        var applier = new Applier(_elb, _ownership, _settings, new ApplyContext(network.VpcId, _options.RouterPort, _options.TargetType == TargetType.Ip ? "ip" : "instance"));
        try
        {
            await applier.ApplyAsync(plan.Changes, inventory, c =>
            {
                _metrics.Write(c.Operation);
                LogApplied(_logger, c.Operation, c.Alb);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ApplyException e)
        {
            // What landed is unknown after a failed write: read everything again on the next pass.
            _inventory = null;
            if (e.InnerException is AwsServiceException { Code: var code } && code.StartsWith("TooMany", StringComparison.Ordinal) && desired.TryGetValue(e.Change.Alb, out var alb))
            {
                foreach (var member in alb.Ingresses)
                {
                    problems[member].Item2.Add(new IngressProblem("QuotaExceeded", $"AWS refused {e.Change.Operation} for load balancer {alb.Name}: {code}; raise the quota or remove load balancers"));
                }

                _problems.Report(problems);
            }

            return ReconcileResult.Failure($"applying the plan: {e.Message}");
        }

        var wafFailure = await ApplyWebAclsAsync(desired, inventory, problems, cancellationToken).ConfigureAwait(false);
        _unneeded = plan.Unneeded;
        _assignments = placement.Assignments;
        var provisioning = await WriteStatusesAsync(all, ours, placement, inventory, cancellationToken).ConfigureAwait(false);
        _problems.Report(problems);
        _metrics.Observe(inventory.Albs.Count, ours.Count, _certificates.Certificates.Count, hostsWithoutCertificate);

        TimeSpan? requeue = plan.NextCleanupAt is { } at ? at - now : null;
        if (provisioning && (requeue is null || requeue > TimeSpan.FromSeconds(15)))
        {
            requeue = TimeSpan.FromSeconds(15);
        }

        if (wafFailure is not null)
        {
            return ReconcileResult.Failure($"WAF: {wafFailure}");
        }

        var certificateRefresh = _options.CertPollingInterval;
        return ReconcileResult.Success(requeue is null || requeue > certificateRefresh ? certificateRefresh : requeue < TimeSpan.Zero ? TimeSpan.Zero : requeue);
    }

    /// <summary>Web ACL associations after the load balancers exist; null, or why the pass must be retried (the rest of it still runs).</summary>
    private async Task<string?> ApplyWebAclsAsync(Dictionary<string, DesiredAlb> desired, AwsInventory inventory, Dictionary<string, (Ingress, List<IngressProblem>)> problems, CancellationToken cancellationToken)
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

    private Dictionary<string, DesiredAlb> Resolve(Placement placement, AwsInventory inventory, NetworkView network, Dictionary<string, (Ingress, List<IngressProblem>)> problems)
    {
        var desired = new Dictionary<string, DesiredAlb>(StringComparer.Ordinal);
        foreach (var (name, alb) in placement.Albs)
        {
            var subnets = network.SubnetsFor(alb.Group.Scheme);
            var securityGroup = alb.Group.SecurityGroup ?? network.SecurityGroup;
            if (!inventory.Albs.ContainsKey(name))
            {
                foreach (var member in alb.Ingresses)
                {
                    if (subnets is null)
                    {
                        problems[member].Item2.Add(new IngressProblem("SubnetsNotFound",
                            $"no subnets in two availability zones are tagged kubernetes.io/cluster/{_options.ClusterId} and {(alb.Group.Scheme == "internal" ? "kubernetes.io/role/internal-elb" : "kubernetes.io/role/elb")} (or set --subnets)"));
                    }

                    if (securityGroup is null)
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

    /// <summary>Status of our Ingresses points at their load balancer once it is active; Ingresses that left us lose it. True while one is provisioning.</summary>
    private async Task<bool> WriteStatusesAsync(IReadOnlyList<Ingress> all, Dictionary<string, Ingress> ours, Placement placement, AwsInventory inventory, CancellationToken cancellationToken)
    {
        var provisioning = false;
        foreach (var ingress in all.OrderBy(i => i.Metadata.Namespace, StringComparer.Ordinal).ThenBy(i => i.Metadata.Name, StringComparer.Ordinal))
        {
            var key = $"{ingress.Metadata.Namespace}/{ingress.Metadata.Name}";
            string? hostname;
            if (ours.ContainsKey(key) && placement.Assignments.TryGetValue(key, out var albName) && inventory.Albs.TryGetValue(albName, out var alb))
            {
                if (alb.State != "active")
                {
                    provisioning = true;
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

        return provisioning;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Operation} on {LoadBalancer}")]
    private static partial void LogApplied(ILogger logger, string operation, string loadBalancer);
}
