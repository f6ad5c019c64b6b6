using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Models;
using DnsController.Options;
using DnsController.Sources;

namespace DnsController.Controller;

/// <summary>Ingresses and Services from shared informers (one list+watch each), filtered by class, labels and annotations.</summary>
public sealed class InformerSources : ISourceProvider, IDisposable
{
    private readonly DnsControllerOptions _options;
    private readonly AnnotationFilter _annotations;
    private readonly Informer<Ingress>? _ingresses;
    private readonly Informer<Service>? _services;
    private readonly List<IDisposable> _registrations = [];

    // Mapping 20,000 objects on every pass costs more than the plan for one change: objects are mapped again only when their resourceVersion moves.
    private readonly Dictionary<string, (string? Version, SourceObject Source)> _mapped = new(StringComparer.Ordinal);

    public InformerSources(SharedInformerFactory informers, DnsControllerOptions options, Action changed)
    {
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        AnnotationFilter.TryParse(options.AnnotationFilter, out _annotations);
        var ns = string.IsNullOrEmpty(options.Namespace) ? null : options.Namespace;
        if (options.Sources.Contains("ingress"))
        {
            _ingresses = informers.GetInformer<Ingress>(ns, options.LabelFilter);
            _registrations.Add(_ingresses.AddHandler(new InformerHandler<Ingress>(_ => changed(), (_, _) => changed(), _ => changed())));
        }

        if (options.Sources.Contains("service"))
        {
            _services = informers.GetInformer<Service>(ns, options.LabelFilter);
            _registrations.Add(_services.AddHandler(new InformerHandler<Service>(_ => changed(), (_, _) => changed(), _ => changed())));
        }
    }

    public bool HasSynced => (_ingresses?.HasSynced ?? true) && (_services?.HasSynced ?? true);

    public async Task<IReadOnlyList<SourceObject>> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_ingresses is not null)
        {
            await _ingresses.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_services is not null)
        {
            await _services.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        }

        var sources = new List<SourceObject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ingress in _ingresses?.List() ?? [])
        {
            if (_annotations.Matches(ingress.Metadata.Annotations) && SourceObjects.HasClass(ingress, _options.IngressClass))
            {
                sources.Add(Map(ingress, seen, i => SourceObjects.FromIngress(i, _options.IncludeIngressTlsHosts))!);
            }
        }

        foreach (var service in _services?.List() ?? [])
        {
            if (_annotations.Matches(service.Metadata.Annotations) && Map(service, seen, SourceObjects.FromService) is { } source)
            {
                sources.Add(source);
            }
        }

        lock (_mapped)
        {
            foreach (var gone in _mapped.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _mapped.Remove(gone);
            }
        }

        return sources;
    }

    private SourceObject? Map<T>(T obj, HashSet<string> seen, Func<T, SourceObject?> map)
        where T : KubernetesObject
    {
        var key = $"{obj.Kind ?? typeof(T).Name}/{obj.Metadata.Namespace}/{obj.Metadata.Name}";
        seen.Add(key);
        var version = obj.Metadata.ResourceVersion;
        lock (_mapped)
        {
            if (version is not null && _mapped.TryGetValue(key, out var known) && known.Version == version)
            {
                return known.Source;
            }
        }

        var source = map(obj);
        if (source is not null)
        {
            lock (_mapped)
            {
                _mapped[key] = (version, source);
            }
        }

        return source;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
