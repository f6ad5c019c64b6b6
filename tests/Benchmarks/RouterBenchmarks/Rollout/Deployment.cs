using AwsIntegrations.Emulators.Kubernetes;
using k8s;
using k8s.Models;
using AwsIntegrations.Testing;
using AwsIntegrations.Benchmarks.Router.Cluster;

namespace AwsIntegrations.Benchmarks.Router.Rollout;

/// <summary>
/// A Deployment of pods behind one Service, rolled out as Kubernetes does with maxSurge 1 / maxUnavailable 0: a new pod starts
/// (in the EndpointSlice, not ready), becomes ready, then an old pod is told to stop. The kubelet's SIGTERM and the
/// EndpointSlice controller's "terminating" update race; either may come first. Once the old pod is gone its endpoint is removed.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private readonly Func<string, int, Task<IPod>> _startPod;
    private readonly KubernetesEmulator _kube;
    private readonly string _ns;
    private readonly string _service;
    private readonly int _port;
    private readonly List<IPod> _ready = [];
    private readonly int _subnet;
    private int _nextAddress;

    /// <param name="subnet">Pods get the addresses 127.0.{subnet}.1 to .250 in turn.</param>
    public Deployment(Func<string, int, Task<IPod>> startPod, KubernetesEmulator kube, string ns, string service, int port, int subnet)
    {
        _subnet = subnet;
        _startPod = startPod;
        _kube = kube;
        _ns = ns;
        _service = service;
        _port = port;
    }

    public int PodsReplaced { get; private set; }

    public async Task ScaleUpAsync(int replicas)
    {
        for (var i = 0; i < replicas; i++)
        {
            _ready.Add(await _startPod(NextAddress(), _port));
        }

        WriteSlice();
    }

    /// <summary>Replaces every pod once. <paramref name="exitBeforeEndpointUpdate"/>: the worst order, the pod is gone before the Router hears.</summary>
    public async Task RollOutAsync(bool exitBeforeEndpointUpdate)
    {
        for (var i = _ready.Count; i > 0; i--)
        {
            var fresh = await _startPod(NextAddress(), _port);
            WriteSlice(starting: fresh);
            await Task.Delay(TimeSpan.FromMilliseconds(100)); // the readiness probe's first success
            _ready.Add(fresh);
            WriteSlice();
            await Eventually.HoldsAsync(async () => await fresh.RequestsAsync() >= 50, $"the new pod {fresh.Ip} takes traffic");

            var old = _ready[0];
            _ready.RemoveAt(0);
            if (exitBeforeEndpointUpdate)
            {
                await old.ExitAsync();
                WriteSlice(terminating: old);
            }
            else
            {
                WriteSlice(terminating: old);
                await old.ExitAsync();
            }

            WriteSlice();
            await old.DisposeAsync();
            PodsReplaced++;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pod in _ready)
        {
            await pod.DisposeAsync();
        }
    }

    private void WriteSlice(IPod? starting = null, IPod? terminating = null)
    {
        var endpoints = _ready.Select(p => Endpoint(p, ready: true, terminating: false)).ToList();
        if (starting is not null)
        {
            endpoints.Add(Endpoint(starting, ready: false, terminating: false));
        }

        if (terminating is not null)
        {
            endpoints.Add(Endpoint(terminating, ready: false, terminating: true));
        }

        ClusterWriter.Put(_kube, new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = _ns, Name = _service + "-x1", Labels = new Dictionary<string, string>() { [AwsIntegrations.Router.Routing.EndpointResolver.ServiceNameLabel] = _service } },
            Ports = [new Discoveryv1EndpointPort { Port = _port }],
            Endpoints = endpoints,
        });
    }

    // A terminating pod is still serving (it finishes requests); a starting one is not yet.
    private static V1Endpoint Endpoint(IPod pod, bool ready, bool terminating) => new()
    {
        Addresses = [pod.Ip],
        Conditions = new V1EndpointConditions { Ready = ready, Serving = ready || terminating, Terminating = terminating },
    };

    private string NextAddress() => $"127.0.{_subnet}.{(_nextAddress++ % 250) + 1}";
}
