using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// Removes the startup taint from a node with <see cref="TaintPatch"/>. A 409, or a 422 from a failed "test" (the node changed
/// since it was read), means: read the node again and patch again, up to <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class TaintRemover(KubernetesClient client, string taintKey, TimeProvider time)
{
    public const int MaxAttempts = 8;

    /// <summary>Number of patches the server refused because the node had changed (for tests and logs).</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    private long _conflicts;

    /// <summary>Returns the node as written, or null when there was nothing to do (taint gone, release recorded) or the node is gone.</summary>
    public async Task<Node?> RemoveAsync(Node node, CancellationToken cancellationToken)
    {
        var current = node;
        for (var attempt = 1; ; attempt++)
        {
            var patch = TaintPatch.Build(current, taintKey, time.GetUtcNow());
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
}
