using System.Net.Http.Headers;
using k8s.Authentication;

namespace AwsIntegrations.Kubernetes.Configuration;

/// <summary>
/// The projected service-account token, read again whenever the file changes (the kubelet rotates it by swapping a
/// symlink) and at least once a minute, as client-go does. KubernetesClient's TokenFileAuth only re-reads once a minute.
/// </summary>
internal sealed class ServiceAccountTokenProvider(string path, TimeProvider? time = null) : ITokenProvider
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private string? _token;
    private DateTime _writtenAt = DateTime.MinValue;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public string Path { get; } = path;

    public Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new AuthenticationHeaderValue("Bearer", Token()));

    /// <summary>The current token (read from the file when it changed or a minute has passed).</summary>
    public string Token()
    {
        var written = File.GetLastWriteTimeUtc(Path);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_token is null || written != _writtenAt || now - _readAt >= MaxAge)
            {
                _token = File.ReadAllText(Path).Trim();
                _writtenAt = written;
                _readAt = now;
            }

            return _token;
        }
    }
}
