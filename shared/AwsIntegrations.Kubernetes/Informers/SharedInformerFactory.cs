using System.Collections.Concurrent;
using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>
/// One informer per (kind, namespace, selectors) per process: everything in the process that asks for pods shares one
/// list+watch and one cache. Informers start when first asked for.
/// </summary>
public sealed class SharedInformerFactory(KubernetesConnection client, InformerOptions? options = null, ILoggerFactory? loggerFactory = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(Type Kind, string? Namespace, string? Labels, string? Fields), Lazy<IInformer>> _informers = new();

    internal IReadOnlyCollection<IInformer> Informers => [.. _informers.Values.Select(l => l.Value)];

    public bool HasSynced => _informers.Values.All(l => l.Value.HasSynced);

    public Informer<T> GetInformer<T>(string? ns = null, string? labelSelector = null, string? fieldSelector = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = (typeof(T), NullIfEmpty(ns), NullIfEmpty(labelSelector), NullIfEmpty(fieldSelector));
        var lazy = _informers.GetOrAdd(key, k => new Lazy<IInformer>(() =>
            new Informer<T>(client, k.Namespace, k.Labels, k.Fields, options, loggerFactory?.CreateLogger($"AwsIntegrations.Kubernetes.Informer.{ResourceType<T>.Kind}")).Start()));
        return (Informer<T>)lazy.Value;
    }

    /// <summary>Completes when every informer created so far has its initial list.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_informers.Values.Select(l => l.Value.WaitForSyncAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var informer in _informers.Values.Where(l => l.IsValueCreated))
        {
            await informer.Value.DisposeAsync().ConfigureAwait(false);
        }

        _informers.Clear();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
