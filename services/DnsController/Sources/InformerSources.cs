using AwsIntegrations.DnsController.Options;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.DnsController.Sources;

/// <summary>
/// Ingresses and Services from shared informers (one list+watch each), filtered by class, labels and annotations. An
/// Ingress with a hostname that the class filter drops is said once at debug level (until it is selected or deleted).
/// </summary>
public sealed partial class InformerSources : ISourceProvider
{
    private readonly SourceSettings _settings;
    private readonly ILogger _logger;
    private readonly Informer<V1Ingress>? _ingresses;
    private readonly Informer<V1Service>? _services;
    private readonly HashSet<string> _droppedByClass = new(StringComparer.Ordinal);

    // Mapping 20,000 objects on every pass costs more than the plan for one change: objects are mapped again only when their resourceVersion moves.
    private readonly Dictionary<string, (string? Version, SourceObject Source)> _mapped = new(StringComparer.Ordinal);

    public InformerSources(SharedInformerFactory informers, DnsControllerOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(options);
        _settings = SourceSettings.From(options);
        _logger = logger ?? NullLogger.Instance;
        var ns = string.IsNullOrEmpty(options.Namespace) ? null : options.Namespace;
        if (options.Sources.Contains(SourceKind.Ingress))
        {
            _ingresses = informers.GetInformer<V1Ingress>(ns, options.LabelFilter);
        }

        if (options.Sources.Contains(SourceKind.Service))
        {
            _services = informers.GetInformer<V1Service>(ns, options.LabelFilter);
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

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        List<SourceObject> sources = [.. Ingresses(seen, dropped), .. Services(seen)];
        ForgetAllBut(seen, dropped);
        return sources;
    }

    private IEnumerable<SourceObject> Ingresses(HashSet<string> seen, HashSet<string> dropped)
    {
        foreach (var ingress in _ingresses?.List() ?? [])
        {
            if (!SourceObjects.Selects(_settings, ingress))
            {
                continue;
            }

            if (!SourceObjects.HasClass(ingress, _settings.IngressClasses))
            {
                NoteDroppedByClass(ingress, dropped);
                continue;
            }

            yield return Map(ingress, seen, i => SourceObjects.FromIngress(i, _settings))!;
        }
    }

    private IEnumerable<SourceObject> Services(HashSet<string> seen)
    {
        foreach (var service in _services?.List() ?? [])
        {
            if (SourceObjects.Selects(_settings, service) && Map(service, seen, s => SourceObjects.FromService(s, _settings)) is { } source)
            {
                yield return source;
            }
        }
    }

    /// <summary>Objects no longer listed are forgotten: their mapping, and that their class was said to be dropped.</summary>
    private void ForgetAllBut(HashSet<string> seen, HashSet<string> dropped)
    {
        lock (_droppedByClass)
        {
            _droppedByClass.IntersectWith(dropped);
        }

        lock (_mapped)
        {
            foreach (var gone in _mapped.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _mapped.Remove(gone);
            }
        }
    }

    private void NoteDroppedByClass(V1Ingress ingress, HashSet<string> dropped)
    {
        if (!SourceObjects.HasHostname(ingress))
        {
            return;
        }

        var key = $"{ingress.Metadata.NamespaceProperty}/{ingress.Metadata.Name}";
        dropped.Add(key);
        bool first;
        lock (_droppedByClass)
        {
            first = _droppedByClass.Add(key);
        }

        if (first)
        {
            LogDroppedByClass(_logger, key, SourceObjects.ClassOf(ingress) ?? "(none)", string.Join(",", _settings.IngressClasses));
        }
    }

    [LoggerMessage(EventId = 3031, Level = LogLevel.Debug, Message = "Ingress {Ingress} is not published: its class {Class} is not among --ingress-class {Classes}")]
    private static partial void LogDroppedByClass(ILogger logger, string ingress, string @class, string classes);

    private SourceObject? Map<T>(T obj, HashSet<string> seen, Func<T, SourceObject?> map)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var key = $"{obj.Kind ?? typeof(T).Name}/{obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}";
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
}
