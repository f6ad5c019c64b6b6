using System.Net;
using AwsIntegrations.Kubernetes.Api;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// Removes taints from a node with <see cref="TaintPatch"/>, and on release writes the release annotations: ours, and with a
/// nidhogg config file nidhogg's (<see cref="GateAnnotations.NidhoggFirstTimeReady"/>, and pelotech's ready-since). A 409, or
/// a 422 from a failed "test" (the node changed since it was read), means: read the node again and patch again, up to
/// <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class TaintRemover(IKubernetes client, GateTaints taints, TimeProvider time)
{
    public const int MaxAttempts = 8;

    public TaintRemover(IKubernetes client, string taintKey, TimeProvider time)
        : this(client, new GateTaints(taintKey, null), time)
    {
    }

    /// <summary>Number of patches the server refused because the node had changed (for tests and logs).</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    private long _conflicts;

    /// <summary>Removes our taint and records the release (what a release of a node that carries only ours does).</summary>
    public Task<V1Node?> RemoveAsync(V1Node node, CancellationToken cancellationToken) =>
        RemoveAsync(node, [taints.OwnKey], release: true, cancellationToken);

    /// <summary>
    /// Removes the taints named by <paramref name="keys"/>; with <paramref name="release"/> also writes the release annotations.
    /// Returns the node as written, or null when there was nothing to do (taints gone, release recorded) or the node is gone.
    /// </summary>
    public async Task<V1Node?> RemoveAsync(V1Node node, IReadOnlyCollection<string> keys, bool release, CancellationToken cancellationToken)
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
                var body = new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch);
                return await client.CoreV1.PatchNodeAsync(body, current.Metadata.Name!, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _conflicts);
                var fresh = await client.CoreV1.ReadNodeAsync(current.Metadata.Name!, cancellationToken: cancellationToken).NullIfNotFound().ConfigureAwait(false);
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
