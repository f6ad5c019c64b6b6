using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kube2Iam.Pods;

/// <summary>
/// This node's pods by IP (one informer, field selector spec.nodeName). A lookup for an IP no pod holds yet waits for
/// the informer's next change, up to the backoff limit: a pod's first request often comes before its watch event.
/// Two live pods claiming one IP answer nothing until one of them is gone, so a reused IP never lends a role, unless
/// the API server (asked once per request with --resolve-duplicate-cache-ips) says only one of them holds it now.
/// </summary>
public sealed class PodDirectory
{
    private readonly Informer<V1Pod> _informer;
    private readonly TimeProvider _time;
    private readonly Func<string, CancellationToken, Task<V1Pod?>>? _resolveDuplicate;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PodDirectory(Informer<V1Pod> informer, TimeProvider time, Func<string, CancellationToken, Task<V1Pod?>>? resolveDuplicate = null)
    {
        _informer = informer;
        _time = time;
        _resolveDuplicate = resolveDuplicate;
        informer.AddHandler(new InformerHandler<V1Pod>(_ => Signal(), (_, _) => Signal(), _ => Signal()));
    }

    public Informer<V1Pod> Informer => _informer;

    public bool HasSynced => _informer.HasSynced;

    public IReadOnlyList<V1Pod> List() => _informer.List();

    /// <summary>The one live pod holding the IP now, or null (none, or more than one).</summary>
    public V1Pod? Find(string ip) => Holders(ip).Pod;

    /// <summary>Every IP some cached live pod holds, with its pod (null when more than one claims it).</summary>
    public IReadOnlyDictionary<string, V1Pod?> ByIp()
    {
        var byIp = new SortedDictionary<string, V1Pod?>(StringComparer.Ordinal);
        foreach (var pod in _informer.List().Where(PodStates.HoldsItsIp))
        {
            foreach (var ip in PodIndexes.All[PodIndexes.ByIp](pod))
            {
                byIp[ip] = byIp.ContainsKey(ip) ? null : pod;
            }
        }

        return byIp;
    }

    private (V1Pod? Pod, int Count) Holders(string ip)
    {
        V1Pod? found = null;
        var count = 0;
        foreach (var pod in _informer.ByIndex(PodIndexes.ByIp, ip))
        {
            if (PodStates.HoldsItsIp(pod))
            {
                found = count++ == 0 ? pod : null;
            }
        }

        return (found, count);
    }

    /// <summary>Find, waiting up to <paramref name="maxWait"/> for the pod to appear; <paramref name="waited"/> says whether it had to.</summary>
    public async Task<(V1Pod? Pod, bool Waited)> FindAsync(string ip, TimeSpan maxWait, TimeSpan maxInterval, CancellationToken cancellationToken)
    {
        var (pod, holders) = Holders(ip);
        if (holders > 1 && _resolveDuplicate is not null)
        {
            pod = await _resolveDuplicate(ip, cancellationToken).ConfigureAwait(false);
        }

        if (pod is not null || maxWait <= TimeSpan.Zero)
        {
            return (pod, false);
        }

        var deadline = _time.GetUtcNow() + maxWait;
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            pod = Find(ip);
            var left = deadline - _time.GetUtcNow();
            if (pod is not null || left <= TimeSpan.Zero)
            {
                return (pod, true);
            }

            try
            {
                await changed.WaitAsync(left < maxInterval ? left : maxInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // look again: an index change may have been missed between Find and WaitAsync
            }
        }
    }

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
