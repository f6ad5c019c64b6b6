using System.Globalization;
using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Tests.Integration;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Testing;
using k8s;

namespace AwsIntegrations.DnsController.Tests.Compatibility;

/// <summary>
/// A case end to end: the zones and load balancers put into the AWS emulator's state as Route 53 and ELB would hold
/// them, the objects created in the Kubernetes emulator, then one DnsController process (--once, the case's flags, a
/// kubeconfig and AWS_* variables) reading and writing Route 53 over its real wire protocol.
/// </summary>
internal static class ProcessRun
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "DnsController.dll");

    public static async Task<(IReadOnlyDictionary<string, IReadOnlyList<string>> Zones, int ChangeCalls)> RunAsync(CompatibilityCase @case)
    {
        // AWS's own behaviour, throttling at 5 Route 53 requests/s per account included: the service keeps under it by itself.
        await using var world = await DnsWorld.StartAsync(behavior: new AwsBehavior());
        var dir = Directory.CreateTempSubdirectory("dns-compat-").FullName;
        try
        {
            Seed(world.Aws.State, @case);
            foreach (var ingress in @case.Ingresses)
            {
                var created = await world.Client.NetworkingV1.CreateNamespacedIngressAsync(ingress, ingress.Metadata.NamespaceProperty);
                created.Status = ingress.Status;
                await world.Client.NetworkingV1.ReplaceNamespacedIngressStatusAsync(created, created.Metadata.Name, created.Metadata.NamespaceProperty);
            }

            foreach (var service in @case.Services)
            {
                var created = await world.Client.CoreV1.CreateNamespacedServiceAsync(service, service.Metadata.NamespaceProperty);
                created.Status = service.Status;
                await world.Client.CoreV1.ReplaceNamespacedServiceStatusAsync(created, created.Metadata.Name, created.Metadata.NamespaceProperty);
            }

            world.Aws.Calls.Clear();
            var kubeconfig = world.Kube.WriteKubeconfig(Path.Combine(dir, "kubeconfig"));
            await using var process = ChildProcess.StartDotnet(Assembly,
            [
                "--kubeconfig", kubeconfig, "--metrics-address", "127.0.0.1", "--metrics-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
                "--once", "--shutdown-delay", "0s", "--aws-retry-base-delay-seconds", "0.05", .. @case.Flags,
            ], world.Aws.ClientEnvironment());
            (await process.WaitForExitAsync(TimeSpan.FromSeconds(120))).Should().Be(0, process.Output);
            lock (world.Aws.State.Gate)
            {
                return (world.Aws.State.HostedZones.ToDictionary(z => z.Id, z => ZoneText.Lines(z.Records)), world.Calls("ChangeResourceRecordSets"));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Seed(AwsState state, CompatibilityCase @case)
    {
        foreach (var zone in @case.Zones)
        {
            var created = Route53Zones.Create(state, zone.Id, zone.Name, "seed-" + zone.Id, null, zone.Private, zone.Private ? ["vpc-0a1b2c3d4e5f60001"] : []);
            lock (state.Gate)
            {
                created.Records.AddRange(zone.Records.Select(ToEmulator));
            }
        }

        lock (state.Gate)
        {
            foreach (var lb in @case.LoadBalancers.Concat(ExternalDnsRecords.LoadBalancers))
            {
                state.LoadBalancers.Add(new LoadBalancer
                {
                    Arn = $"arn:aws:elasticloadbalancing:{state.Region}:{state.AccountId}:loadbalancer/{(lb.Type == "network" ? "net" : "app")}/{lb.Name}/0a1b2c3d4e5f6789",
                    Name = lb.Name,
                    Type = lb.Type,
                    Scheme = "internet-facing",
                    DnsName = lb.DnsName,
                    CanonicalHostedZoneId = lb.CanonicalHostedZoneId,
                    VpcId = "vpc-0a1b2c3d4e5f60001",
                    IpAddressType = lb.IpAddressType,
                    CreatedTime = state.Time.GetUtcNow() - TimeSpan.FromDays(30),
                });
            }
        }
    }

    private static RecordSet ToEmulator(Route53RecordSet record) => new(Route53Zones.Fqdn(record.Name), record.Type)
    {
        Ttl = record.Ttl,
        Values = [.. record.Values],
        SetIdentifier = record.SetIdentifier,
        Weight = record.Weight,
        Alias = record.AliasTarget is { } a ? new AwsIntegrations.Emulators.Aws.AliasTarget(a.HostedZoneId, Route53Zones.Fqdn(a.DnsName), a.EvaluateTargetHealth) : null,
    };
}
