namespace AwsIntegrations.Kubernetes.Config;

/// <summary>
/// A token read from a file (the projected service-account token, or a kubeconfig tokenFile) and read again whenever
/// the file changes: the kubelet rotates projected tokens, and a stale one is rejected after it expires.
/// </summary>
public sealed class FileTokenSource(string path) : ITokenSource
{
    private readonly Lock _gate = new();
    private string? _token;
    private DateTime _readAt = DateTime.MinValue;

    public string Path { get; } = path;

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var written = File.GetLastWriteTimeUtc(Path);
        lock (_gate)
        {
            if (_token is null || written != _readAt)
            {
                _token = File.ReadAllText(Path).Trim();
                _readAt = written;
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
