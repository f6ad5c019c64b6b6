namespace AwsIntegrations.Kubernetes.Config;

public sealed class StaticTokenSource(string token) : ITokenSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);

    public void Invalidate()
    {
    }
}
