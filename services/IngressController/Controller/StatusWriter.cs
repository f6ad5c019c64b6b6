using System.Text.Json.Nodes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>Writes status.loadBalancer.ingress[].hostname of an Ingress (a merge patch on /status), or clears it.</summary>
public sealed class StatusWriter(KubernetesClient client)
{
    public static bool Matches(Ingress ingress, string? hostname)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var current = ingress.Status?.LoadBalancer?.Ingress ?? [];
        return hostname is null
            ? current.Count == 0
            : current.Count == 1 && string.Equals(current[0].Hostname, hostname, StringComparison.OrdinalIgnoreCase) && current[0].Ip is null;
    }

    public async Task WriteAsync(Ingress ingress, string? hostname, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        JsonNode? entries = hostname is null ? null : new JsonArray(new JsonObject { ["hostname"] = hostname });
        var patch = KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = entries } } });
        try
        {
            await client.PatchStatusAsync<Ingress>(ingress.Metadata.Namespace, ingress.Metadata.Name!, patch, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesNotFoundException)
        {
            // Deleted meanwhile: nothing to report on.
        }
    }
}
