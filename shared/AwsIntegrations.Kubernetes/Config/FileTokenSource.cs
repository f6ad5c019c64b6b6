namespace AwsIntegrations.Kubernetes.Config;

/// <summary>
/// A token read from a file (the projected service-account token, or a kubeconfig tokenFile) and read again whenever
/// the file changes (the kubelet rotates projected tokens by swapping a symlink) and at least once a minute, as client-go does.
/// </summary>
public sealed class FileTokenSource(string path, TimeProvider? time = null) : ITokenSource
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private string? _token;
    private DateTime _writtenAt = DateTime.MinValue;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public string Path { get; } = path;

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
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

            return ValueTask.FromResult<string?>(_token);
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _token = null;
        }
    }
}
