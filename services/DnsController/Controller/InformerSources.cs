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
        sources.AddRange((_ingresses?.List() ?? [])
            .Where(i => _annotations.Matches(i.Metadata.Annotations) && SourceObjects.HasClass(i, _options.IngressClass))
            .Select(i => SourceObjects.FromIngress(i, _options.IncludeIngressTlsHosts)));
        sources.AddRange((_services?.List() ?? [])
            .Where(s => _annotations.Matches(s.Metadata.Annotations))
            .Select(SourceObjects.FromService)
            .OfType<SourceObject>());
        return sources;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
