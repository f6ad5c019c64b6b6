using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>Writes status.loadBalancer.ingress[].hostname of an Ingress (a merge patch on /status), or clears it.</summary>
public sealed class StatusWriter(IKubernetes client)
{
    public static bool Matches(V1Ingress ingress, string? hostname)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var current = ingress.Status?.LoadBalancer?.Ingress ?? [];
        return hostname is null
            ? current.Count == 0
            : current.Count == 1 && string.Equals(current[0].Hostname, hostname, StringComparison.OrdinalIgnoreCase) && current[0].Ip is null;
    }

    public async Task WriteAsync(V1Ingress ingress, string? hostname, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        JsonNode? entries = hostname is null ? null : new JsonArray(new JsonObject { ["hostname"] = hostname });
        var patch = new JsonObject { ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = entries } } };
        try
        {
            await client.NetworkingV1.PatchNamespacedIngressStatusAsync(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), ingress.Metadata.Name!, ingress.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted meanwhile: nothing to report on.
        }
    }
}
