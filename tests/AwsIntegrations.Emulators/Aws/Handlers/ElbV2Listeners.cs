using System.Globalization;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// ELBv2 listeners and listener certificates (at most 25 besides the default one per listener): HTTP/HTTPS on Application
/// Load Balancers, TCP/TLS/UDP/TCP_UDP on Network Load Balancers, each forwarding to a target group its protocol can carry.
/// </summary>
public static class ElbV2Listeners
{
    public const int MaxCertificatesPerListener = 25;

    private static readonly string[] ApplicationProtocols = ["HTTPS", "HTTP"];
    private static readonly string[] NetworkProtocols = ["TLS", "TCP", "TCP_UDP", "UDP"];

    public static object?[]? Handle(AwsCall call, AwsState state) => call.Operation switch
    {
        "DescribeListeners" => Describe(call, state),
        "CreateListener" => Create(call, state),
        "ModifyListener" => Modify(call, state),
        "DeleteListener" => Delete(call, state),
        "DescribeListenerCertificates" => DescribeCertificates(call, state),
        "AddListenerCertificates" => AddCertificates(call, state),
        "RemoveListenerCertificates" => RemoveCertificates(call, state),
        _ => null,
    };

    public static Listener Find(string arn, AwsState state) =>
        state.Listeners.FirstOrDefault(l => l.Arn == arn) ?? throw new AwsFault("ListenerNotFound", $"Listener '{arn}' not found");

    private static object?[] Describe(AwsCall call, AwsState state)
    {
        var arns = call.List("ListenerArns.member");
        IEnumerable<Listener> selected;
        if (call.Param("LoadBalancerArn") is { } lbArn)
        {
            _ = state.LoadBalancers.FirstOrDefault(l => l.Arn == lbArn) ?? throw ElbV2Handler.NotFound(lbArn);
            selected = state.Listeners.Where(l => l.LoadBalancerArn == lbArn);
        }
        else if (arns.Count > 0)
        {
            selected = arns.Select(a => Find(a, state));
        }
        else
        {
            throw new AwsFault("ValidationError", "You must specify either listener ARNs or a load balancer ARN");
        }

        var (page, next) = Paging.Page(selected.ToList(), call.Param("Marker"), ElbV2Handler.PageSize(call), state.DefaultPageSize ?? 400, 400);
        return [QueryXml.List("Listeners", "member", page, l => ElbV2Xml.Listener(l).Nodes()), QueryXml.Opt("NextMarker", next)];
    }

    private static object?[] Create(AwsCall call, AwsState state)
    {
        var lb = ElbV2Handler.Find(call, state);
        var port = int.Parse(call.RequiredParam("Port"), CultureInfo.InvariantCulture);
        var protocol = call.RequiredParam("Protocol");
        if (port is < 1 or > 65535)
        {
            throw new AwsFault("ValidationError", $"Port {port} is not between 1 and 65535");
        }

        if (state.Listeners.Any(l => l.LoadBalancerArn == lb.Arn && l.Port == port))
        {
            throw new AwsFault("DuplicateListener", "A listener already exists on this port for this load balancer");
        }

        var listener = new Listener
        {
            Arn = lb.Arn.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal) + "/" + state.NewHex(16),
            LoadBalancerArn = lb.Arn,
            Port = port,
            Protocol = protocol,
        };
        Configure(call, listener, port, protocol, state);
        state.Listeners.Add(listener);
        state.ElbTags[listener.Arn] = ElbV2Tags.TagsOf(call, "Tags.member");
        return [QueryXml.List("Listeners", "member", [listener], l => ElbV2Xml.Listener(l).Nodes())];
    }

    private static object?[] Modify(AwsCall call, AwsState state)
    {
        var listener = Find(call.RequiredParam("ListenerArn"), state);
        var port = call.Param("Port") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : listener.Port;
        Configure(call, listener, port, call.Param("Protocol") ?? listener.Protocol, state);
        return [QueryXml.List("Listeners", "member", [listener], l => ElbV2Xml.Listener(l).Nodes())];
    }

    /// <summary>Checks the whole request first, then changes the listener: a refused request changes nothing, as on AWS.</summary>
    private static void Configure(AwsCall call, Listener listener, int port, string protocol, AwsState state)
    {
        var defaultCertificate = call.Param("Certificates.member.1.CertificateArn");
        if (defaultCertificate is not null)
        {
            RequireCertificate(defaultCertificate, state);
        }

        var lb = state.LoadBalancers.First(l => l.Arn == listener.LoadBalancerArn);
        var allowed = lb.Type == "network" ? NetworkProtocols : ApplicationProtocols;
        if (!allowed.Contains(protocol))
        {
            throw new AwsFault("ValidationError", $"Listener protocol '{protocol}' must be one of '{string.Join(", ", allowed)}'");
        }

        var secure = protocol is "HTTPS" or "TLS";
        if (secure && defaultCertificate is null && !listener.Certificates.Any(c => c.IsDefault))
        {
            throw new AwsFault("ValidationError", $"A certificate must be specified for {protocol} listeners");
        }

        if (!secure && call.Param("SslPolicy") is not null)
        {
            throw new AwsFault("ValidationError", $"An SSL policy cannot be specifed for {protocol} listeners"); // AWS's spelling
        }

        var policy = secure ? ElbV2SslPolicyCheck.Resolve(call.Param("SslPolicy"), listener.SslPolicy) : null;
        var actions = call.Items("DefaultActions.member").Select(p => Action(call, p, state)).ToList();
        foreach (var action in actions.Count > 0 ? actions : listener.DefaultActions)
        {
            RequireCompatible(action, lb, protocol, state);
        }

        if (actions.Count == 0 && listener.DefaultActions.Count == 0)
        {
            throw new AwsFault("ValidationError", "A listener must have at least one default action");
        }

        listener.Port = port;
        listener.Protocol = protocol;
        listener.SslPolicy = policy;
        if (defaultCertificate is not null)
        {
            listener.Certificates.RemoveAll(c => c.IsDefault || c.Arn == defaultCertificate);
            listener.Certificates.Insert(0, (defaultCertificate, true));
        }

        if (actions.Count > 0)
        {
            listener.DefaultActions = actions;
        }
    }

    /// <summary>
    /// Network Load Balancers only forward; a forward goes to a target group whose protocol the listener's can carry
    /// (HTTP/HTTPS to HTTP/HTTPS, TCP/TLS to TCP/TLS/TCP_UDP, UDP to UDP/TCP_UDP).
    /// </summary>
    private static void RequireCompatible(ListenerAction action, LoadBalancer lb, string protocol, AwsState state)
    {
        if (lb.Type == "network" && action.Type != "forward")
        {
            throw new AwsFault("InvalidLoadBalancerAction", $"Action type '{action.Type}' must be one of 'forward'");
        }

        if (action.TargetGroupArn is not { } arn)
        {
            return;
        }

        var targetProtocol = ElbV2TargetGroups.Find(arn, state).Protocol;
        var carries = protocol switch
        {
            "HTTP" or "HTTPS" => targetProtocol is "HTTP" or "HTTPS",
            "TCP" or "TLS" => targetProtocol is "TCP" or "TLS" or "TCP_UDP",
            "UDP" => targetProtocol is "UDP" or "TCP_UDP",
            _ => targetProtocol == protocol,
        };
        if (!carries)
        {
            throw new AwsFault("IncompatibleProtocols", $"The listener and its associated target group '{arn}' have incompatible protocols");
        }
    }

    private static ListenerAction Action(AwsCall call, string prefix, AwsState state)
    {
        var type = call.RequiredParam(prefix + "Type");
        var order = call.Param(prefix + "Order") is { } o ? int.Parse(o, CultureInfo.InvariantCulture) : (int?)null;
        switch (type)
        {
            case "forward":
                var tgArn = call.Param(prefix + "TargetGroupArn") ?? call.Param(prefix + "ForwardConfig.TargetGroups.member.1.TargetGroupArn")
                    ?? throw new AwsFault("ValidationError", "A forward action needs a target group");
                ElbV2TargetGroups.Find(tgArn, state);
                return new ListenerAction(type, tgArn, order);
            case "redirect":
                return new ListenerAction(type, null, order) { Redirect = Config(call, prefix + "RedirectConfig.", ["Protocol", "Port", "Host", "Path", "Query", "StatusCode"]) };
            case "fixed-response":
                return new ListenerAction(type, null, order) { FixedResponse = Config(call, prefix + "FixedResponseConfig.", ["MessageBody", "StatusCode", "ContentType"]) };
            default:
                throw new AwsFault("ValidationError", $"Action type '{type}' is not supported by the emulator");
        }
    }

    private static Dictionary<string, string> Config(AwsCall call, string prefix, string[] keys)
    {
        var config = keys.Where(k => call.Param(prefix + k) is not null).ToDictionary(k => k, k => call.Param(prefix + k)!, StringComparer.Ordinal);
        return config.ContainsKey("StatusCode") ? config : throw new AwsFault("ValidationError", $"{prefix}StatusCode is required");
    }

    private static object?[] Delete(AwsCall call, AwsState state)
    {
        var listener = Find(call.RequiredParam("ListenerArn"), state);
        state.Listeners.Remove(listener);
        state.ElbTags.Remove(listener.Arn);
        return [];
    }

    private static object?[] DescribeCertificates(AwsCall call, AwsState state)
    {
        var listener = Find(call.RequiredParam("ListenerArn"), state);
        var (page, next) = Paging.Page(listener.Certificates, call.Param("Marker"), ElbV2Handler.PageSize(call), state.DefaultPageSize ?? 400, 400);
        return [QueryXml.List("Certificates", "member", page, c => ElbV2Xml.Certificate(c.Arn, c.IsDefault).Nodes()), QueryXml.Opt("NextMarker", next)];
    }

    private static object?[] AddCertificates(AwsCall call, AwsState state)
    {
        var listener = Find(call.RequiredParam("ListenerArn"), state);
        var arns = call.Items("Certificates.member").Select(p => call.RequiredParam(p + "CertificateArn")).ToList();
        foreach (var arn in arns)
        {
            RequireCertificate(arn, state);
        }

        var added = arns.Where(a => listener.Certificates.All(c => c.Arn != a)).Distinct().ToList();
        if (listener.Certificates.Count(c => !c.IsDefault) + added.Count > MaxCertificatesPerListener)
        {
            throw new AwsFault("TooManyCertificates", $"A listener can have at most {MaxCertificatesPerListener} certificates besides the default certificate");
        }

        listener.Certificates.AddRange(added.Select(a => (a, false)));
        return [QueryXml.List("Certificates", "member", added, a => ElbV2Xml.Certificate(a, false).Nodes())];
    }

    private static object?[] RemoveCertificates(AwsCall call, AwsState state)
    {
        var listener = Find(call.RequiredParam("ListenerArn"), state);
        var arns = call.Items("Certificates.member").Select(p => call.RequiredParam(p + "CertificateArn")).ToList();
        if (listener.Certificates.Any(c => c.IsDefault && arns.Contains(c.Arn)))
        {
            throw new AwsFault("OperationNotPermitted", "The default certificate of a listener cannot be removed; modify the listener instead");
        }

        listener.Certificates.RemoveAll(c => arns.Contains(c.Arn));
        return [];
    }

    private static void RequireCertificate(string arn, AwsState state)
    {
        if (state.Certificates.All(c => c.Arn != arn))
        {
            throw new AwsFault("CertificateNotFound", $"Certificate '{arn}' not found");
        }
    }
}
