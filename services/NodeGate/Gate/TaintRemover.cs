using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// Removes taints from a node with <see cref="TaintPatch"/>, and on release writes the release annotations: ours, and with a
/// nidhogg config file nidhogg's (<see cref="GateAnnotations.NidhoggFirstTimeReady"/>, and pelotech's ready-since). A 409, or
/// a 422 from a failed "test" (the node changed since it was read), means: read the node again and patch again, up to
/// <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class TaintRemover(KubernetesClient client, GateTaints taints, TimeProvider time)
{
    public const int MaxAttempts = 8;

    public TaintRemover(KubernetesClient client, string taintKey, TimeProvider time)
        : this(client, new GateTaints(taintKey, null), time)
    {
    }

    /// <summary>Number of patches the server refused because the node had changed (for tests and logs).</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    private long _conflicts;

    /// <summary>Removes our taint and records the release (what a release of a node that carries only ours does).</summary>
    public Task<Node?> RemoveAsync(Node node, CancellationToken cancellationToken) =>
        RemoveAsync(node, [taints.OwnKey], release: true, cancellationToken);

    /// <summary>
    /// Removes the taints named by <paramref name="keys"/>; with <paramref name="release"/> also writes the release annotations.
    /// Returns the node as written, or null when there was nothing to do (taints gone, release recorded) or the node is gone.
    /// </summary>
    public async Task<Node?> RemoveAsync(Node node, IReadOnlyCollection<string> keys, bool release, CancellationToken cancellationToken)
    {
        var current = node;
        for (var attempt = 1; ; attempt++)
        {
            var patch = TaintPatch.Build(current, keys, release ? Annotations(time.GetUtcNow()) : new Dictionary<string, string>());
            if (patch is null)
            {
                return null;
            }

            try
            {
                return await client.PatchAsync<Node>(null, current.Metadata.Name!, KubernetesPatch.Json(patch), cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesNotFoundException)
            {
                return null;
            }
            catch (Exception e) when (e is KubernetesConflictException or KubernetesInvalidException && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _conflicts);
                var fresh = await client.FindAsync<Node>(null, current.Metadata.Name!, cancellationToken).ConfigureAwait(false);
                if (fresh is null)
                {
                    return null;
                }

                current = fresh;
            }
        }
    }

    private Dictionary<string, string> Annotations(DateTimeOffset at)
    {
        var stamp = GateAnnotations.Stamp(at);
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [GateAnnotations.Released] = stamp };
        if (taints.NidhoggPrefix is { } prefix)
        {
            annotations[GateAnnotations.NidhoggFirstTimeReady] = stamp;
            annotations[GateAnnotations.NidhoggReadySince(prefix)] = stamp;
        }

        return annotations;
    }
}
