using System.Collections.Concurrent;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using AwsIntegrations.Kube2Iam.Roles;

namespace AwsIntegrations.Kube2Iam.Pods;

/// <summary>Namespaces and their parsed allowed-roles annotations (parsed once per resourceVersion).</summary>
public sealed class NamespaceDirectory(Informer<V1Namespace> informer, string annotationKey, string format, TimeSpan matchTimeout, Func<string> baseArn)
{
    private readonly ConcurrentDictionary<string, (string? Version, AllowedRoles Roles)> _parsed = new(StringComparer.Ordinal);

    public bool HasSynced => informer.HasSynced;

    public AllowedRoles AllowedRolesOf(string ns)
    {
        var item = informer.Get(null, ns);
        if (item is null)
        {
            return AllowedRoles.None($"namespace {ns} is unknown");
        }

        var version = item.Metadata.ResourceVersion;
        if (_parsed.TryGetValue(ns, out var cached) && cached.Version == version && version is not null)
        {
            return cached.Roles;
        }

        var roles = AllowedRoles.Parse(item.GetAnnotation(annotationKey), format, baseArn(), matchTimeout);
        _parsed[ns] = (version, roles);
        return roles;
    }
}
