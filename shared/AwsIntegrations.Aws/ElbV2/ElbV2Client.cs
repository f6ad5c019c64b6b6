using System.Xml.Linq;

namespace AwsIntegrations.Aws;

/// <summary>Our Elastic Load Balancing v2 client (Query protocol, API version 2015-12-01).</summary>
internal sealed class ElbV2Client(AwsTransport transport) : IElbV2Api
{
    public const string Version = "2015-12-01";
    private const int ArnsPerCall = 20;

    /// <summary>PageSize sent on Describe* calls; null lets AWS choose (up to 400).</summary>
    public int? PageSize { get; init; }

    public async Task<IReadOnlyList<LoadBalancerDescription>> DescribeLoadBalancersAsync(IReadOnlyList<string>? arns = null, IReadOnlyList<string>? names = null, CancellationToken cancellationToken = default)
    {
        var results = new List<LoadBalancerDescription>();
        foreach (var chunk in Chunks(arns))
        {
            results.AddRange(await PagesAsync("DescribeLoadBalancers", f => f.AddList("LoadBalancerArns.member", chunk).AddList("Names.member", names),
                r => r.List("LoadBalancers", "member").Select(ElbV2Wire.LoadBalancer), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public async Task<LoadBalancerDescription> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = Form("CreateLoadBalancer").Add("Name", request.Name).AddList("Subnets.member", request.Subnets)
            .AddList("SecurityGroups.member", request.SecurityGroups).Add("Scheme", request.Scheme).Add("Type", request.Type)
            .Add("IpAddressType", request.IpAddressType);
        ElbV2Wire.AddTags(form, request.Tags);
        var result = await CallAsync(form, cancellationToken).ConfigureAwait(false);
        return ElbV2Wire.LoadBalancer(result.List("LoadBalancers", "member").Single());
    }

    public async Task DeleteLoadBalancerAsync(string loadBalancerArn, CancellationToken cancellationToken = default) =>
        await CallAsync(Form("DeleteLoadBalancer").Add("LoadBalancerArn", loadBalancerArn), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyDictionary<string, string>> DescribeLoadBalancerAttributesAsync(string loadBalancerArn, CancellationToken cancellationToken = default) =>
        ElbV2Wire.Attributes(await CallAsync(Form("DescribeLoadBalancerAttributes").Add("LoadBalancerArn", loadBalancerArn), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyDictionary<string, string>> ModifyLoadBalancerAttributesAsync(string loadBalancerArn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default)
    {
        var form = Form("ModifyLoadBalancerAttributes").Add("LoadBalancerArn", loadBalancerArn)
            .AddList("Attributes.member", attributes.OrderBy(a => a.Key, StringComparer.Ordinal), (f, p, a) => f.Add(p + "Key", a.Key).Add(p + "Value", a.Value));
        return ElbV2Wire.Attributes(await CallAsync(form, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<string>> SetSecurityGroupsAsync(string loadBalancerArn, IReadOnlyList<string> securityGroups, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync(Form("SetSecurityGroups").Add("LoadBalancerArn", loadBalancerArn).AddList("SecurityGroups.member", securityGroups), cancellationToken).ConfigureAwait(false);
        return result.Strings("SecurityGroupIds", "member");
    }

    public async Task<IReadOnlyList<LoadBalancerZone>> SetSubnetsAsync(string loadBalancerArn, IReadOnlyList<string> subnets, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync(Form("SetSubnets").Add("LoadBalancerArn", loadBalancerArn).AddList("Subnets.member", subnets), cancellationToken).ConfigureAwait(false);
        return result.List("AvailabilityZones", "member").Select(ElbV2Wire.Zone).ToList();
    }

    public async Task<IReadOnlyList<TargetGroupDescription>> DescribeTargetGroupsAsync(string? loadBalancerArn = null, IReadOnlyList<string>? arns = null, IReadOnlyList<string>? names = null, CancellationToken cancellationToken = default)
    {
        var results = new List<TargetGroupDescription>();
        foreach (var chunk in Chunks(arns))
        {
            results.AddRange(await PagesAsync("DescribeTargetGroups",
                f => f.Add("LoadBalancerArn", loadBalancerArn).AddList("TargetGroupArns.member", chunk).AddList("Names.member", names),
                r => r.List("TargetGroups", "member").Select(ElbV2Wire.TargetGroup), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public async Task<TargetGroupDescription> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = Form("CreateTargetGroup").Add("Name", request.Name).Add("Protocol", request.Protocol).Add("Port", request.Port)
            .Add("VpcId", request.VpcId).Add("TargetType", request.TargetType);
        ElbV2Wire.AddHealthCheck(form, request.HealthCheck);
        ElbV2Wire.AddTags(form, request.Tags);
        var result = await CallAsync(form, cancellationToken).ConfigureAwait(false);
        return ElbV2Wire.TargetGroup(result.List("TargetGroups", "member").Single());
    }

    public async Task<TargetGroupDescription> ModifyTargetGroupAsync(string targetGroupArn, TargetGroupHealthCheck healthCheck, CancellationToken cancellationToken = default)
    {
        var form = Form("ModifyTargetGroup").Add("TargetGroupArn", targetGroupArn);
        ElbV2Wire.AddHealthCheck(form, healthCheck);
        var result = await CallAsync(form, cancellationToken).ConfigureAwait(false);
        return ElbV2Wire.TargetGroup(result.List("TargetGroups", "member").Single());
    }

    public async Task<IReadOnlyDictionary<string, string>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken = default) =>
        ElbV2Wire.Attributes(await CallAsync(Form("DescribeTargetGroupAttributes").Add("TargetGroupArn", targetGroupArn), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyDictionary<string, string>> ModifyTargetGroupAttributesAsync(string targetGroupArn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var form = Form("ModifyTargetGroupAttributes").Add("TargetGroupArn", targetGroupArn)
            .AddList("Attributes.member", attributes.OrderBy(a => a.Key, StringComparer.Ordinal), (f, p, a) => f.Add(p + "Key", a.Key).Add(p + "Value", a.Value));
        return ElbV2Wire.Attributes(await CallAsync(form, cancellationToken).ConfigureAwait(false));
    }

    public async Task DeleteTargetGroupAsync(string targetGroupArn, CancellationToken cancellationToken = default) =>
        await CallAsync(Form("DeleteTargetGroup").Add("TargetGroupArn", targetGroupArn), cancellationToken).ConfigureAwait(false);

    public async Task RegisterTargetsAsync(string targetGroupArn, IReadOnlyList<TargetDescription> targets, CancellationToken cancellationToken = default)
    {
        var form = Form("RegisterTargets").Add("TargetGroupArn", targetGroupArn);
        ElbV2Wire.AddTargets(form, targets);
        await CallAsync(form, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeregisterTargetsAsync(string targetGroupArn, IReadOnlyList<TargetDescription> targets, CancellationToken cancellationToken = default)
    {
        var form = Form("DeregisterTargets").Add("TargetGroupArn", targetGroupArn);
        ElbV2Wire.AddTargets(form, targets);
        await CallAsync(form, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TargetHealthDescription>> DescribeTargetHealthAsync(string targetGroupArn, IReadOnlyList<TargetDescription>? targets = null, CancellationToken cancellationToken = default)
    {
        var form = Form("DescribeTargetHealth").Add("TargetGroupArn", targetGroupArn);
        ElbV2Wire.AddTargets(form, targets ?? []);
        var result = await CallAsync(form, cancellationToken).ConfigureAwait(false);
        return result.List("TargetHealthDescriptions", "member").Select(ElbV2Wire.TargetHealth).ToList();
    }

    public async Task<IReadOnlyList<ListenerDescription>> DescribeListenersAsync(string? loadBalancerArn = null, IReadOnlyList<string>? listenerArns = null, CancellationToken cancellationToken = default) =>
        await PagesAsync("DescribeListeners", f => f.Add("LoadBalancerArn", loadBalancerArn).AddList("ListenerArns.member", listenerArns),
            r => r.List("Listeners", "member").Select(ElbV2Wire.Listener), cancellationToken).ConfigureAwait(false);

    public async Task<ListenerDescription> CreateListenerAsync(CreateListenerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = Form("CreateListener").Add("LoadBalancerArn", request.LoadBalancerArn).Add("Protocol", request.Protocol)
            .Add("Port", request.Port).Add("SslPolicy", request.SslPolicy);
        ElbV2Wire.AddCertificates(form, request.DefaultCertificateArn is null ? [] : [request.DefaultCertificateArn]);
        ElbV2Wire.AddActions(form, request.DefaultActions);
        ElbV2Wire.AddTags(form, request.Tags);
        var result = await CallAsync(form, cancellationToken).ConfigureAwait(false);
        return ElbV2Wire.Listener(result.List("Listeners", "member").Single());
    }

    public async Task<ListenerDescription> ModifyListenerAsync(ModifyListenerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = Form("ModifyListener").Add("ListenerArn", request.ListenerArn).Add("Port", request.Port)
            .Add("Protocol", request.Protocol).Add("SslPolicy", request.SslPolicy);
        ElbV2Wire.AddCertificates(form, request.DefaultCertificateArn is null ? [] : [request.DefaultCertificateArn]);
        ElbV2Wire.AddActions(form, request.DefaultActions ?? []);
        var result = await CallAsync(form, cancellationToken).ConfigureAwait(false);
        return ElbV2Wire.Listener(result.List("Listeners", "member").Single());
    }

    public async Task DeleteListenerAsync(string listenerArn, CancellationToken cancellationToken = default) =>
        await CallAsync(Form("DeleteListener").Add("ListenerArn", listenerArn), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ListenerCertificate>> DescribeListenerCertificatesAsync(string listenerArn, CancellationToken cancellationToken = default) =>
        await PagesAsync("DescribeListenerCertificates", f => f.Add("ListenerArn", listenerArn),
            r => r.List("Certificates", "member").Select(ElbV2Wire.Certificate), cancellationToken).ConfigureAwait(false);

    public async Task AddListenerCertificatesAsync(string listenerArn, IReadOnlyList<string> certificateArns, CancellationToken cancellationToken = default)
    {
        var form = Form("AddListenerCertificates").Add("ListenerArn", listenerArn);
        ElbV2Wire.AddCertificates(form, certificateArns);
        await CallAsync(form, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveListenerCertificatesAsync(string listenerArn, IReadOnlyList<string> certificateArns, CancellationToken cancellationToken = default)
    {
        var form = Form("RemoveListenerCertificates").Add("ListenerArn", listenerArn);
        ElbV2Wire.AddCertificates(form, certificateArns);
        await CallAsync(form, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> DescribeTagsAsync(IReadOnlyList<string> resourceArns, CancellationToken cancellationToken = default)
    {
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var chunk in resourceArns.Chunk(ArnsPerCall))
        {
            var result = await CallAsync(Form("DescribeTags").AddList("ResourceArns.member", chunk), cancellationToken).ConfigureAwait(false);
            foreach (var description in result.List("TagDescriptions", "member"))
            {
                tags[description.RequiredText("ResourceArn")] = description.List("Tags", "member")
                    .ToDictionary(t => t.RequiredText("Key"), t => t.Text("Value") ?? string.Empty, StringComparer.Ordinal);
            }
        }

        return tags;
    }

    public async Task AddTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        var form = Form("AddTags").AddList("ResourceArns.member", resourceArns);
        ElbV2Wire.AddTags(form, tags);
        await CallAsync(form, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken = default) =>
        await CallAsync(Form("RemoveTags").AddList("ResourceArns.member", resourceArns).AddList("TagKeys.member", tagKeys), cancellationToken).ConfigureAwait(false);

    private static QueryForm Form(string action) => new(action, Version);

    private static IEnumerable<IReadOnlyList<string>?> Chunks(IReadOnlyList<string>? arns) =>
        arns is null || arns.Count == 0 ? new IReadOnlyList<string>?[] { null } : arns.Chunk(ArnsPerCall);

    private async Task<XElement> CallAsync(QueryForm form, CancellationToken cancellationToken)
    {
        var operation = form.Fields[0].Value;
        var response = await transport.SendAsync(AwsService.ElbV2, operation, AwsProtocol.Query, form.ToRequest(), cancellationToken).ConfigureAwait(false);
        return Xml.Parse(response.Body, operation).Required(operation + "Result");
    }

    private async Task<List<T>> PagesAsync<T>(string operation, Action<QueryForm> fill, Func<XElement, IEnumerable<T>> read, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? marker = null;
        do
        {
            var form = Form(operation);
            fill(form);
            form.Add("Marker", marker).Add("PageSize", PageSize);
            var result = await CallAsync(form, cancellationToken).ConfigureAwait(false);
            items.AddRange(read(result));
            marker = result.Text("NextMarker");
        }
        while (!string.IsNullOrEmpty(marker));

        return items;
    }
}
