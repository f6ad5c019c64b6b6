using AwsIntegrations.Aws;
using Microsoft.Extensions.Hosting;

namespace AwsIntegrations.Kube2Iam.Metadata;

/// <summary>Asks the real metadata service for the instance id now and then; /readyz fails while it cannot be reached.</summary>
public sealed class UpstreamProbe(IInstanceMetadataApi upstream, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private volatile bool _reachable;

    public bool IsReachable => _reachable;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                await upstream.GetInstanceIdAsync(attempt.Token).ConfigureAwait(false);
                _reachable = true;
            }
            catch (Exception e) when (e is HttpRequestException or AwsServiceException or OperationCanceledException or AwsProtocolException)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                _reachable = false;
            }

            try
            {
                await Task.Delay(_reachable ? Interval : TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
