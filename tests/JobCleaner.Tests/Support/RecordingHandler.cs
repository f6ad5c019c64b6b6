using System.Collections.Concurrent;

namespace AwsIntegrations.JobCleaner.Tests.Support;

/// <summary>The innermost handler of the client: a record of each request (method, path, body) and an optional hook run before it is sent.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Method, string Path, string Body)> _requests = new();

    public Action<HttpRequestMessage>? BeforeSend { get; set; }

    public IReadOnlyList<(string Method, string Path, string Body)> Requests => [.. _requests];

    public IEnumerable<(string Path, string Body)> Deletes => Requests.Where(r => r.Method == "DELETE").Select(r => (r.Path, r.Body));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue((request.Method.Method, request.RequestUri!.PathAndQuery, body));
        BeforeSend?.Invoke(request);
        return await base.SendAsync(request, cancellationToken);
    }
}
