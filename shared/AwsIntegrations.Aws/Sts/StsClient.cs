using System.Diagnostics;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace AwsIntegrations.Aws;

/// <summary>
/// STS through AWSSDK.SecurityToken, on the regional endpoint our resolver picks (AWS_ENDPOINT_URL_STS honoured),
/// with the SDK's standard retry mode and our metrics around each call.
/// </summary>
public sealed class StsClient : IStsApi, IDisposable
{
    private readonly AmazonSecurityTokenServiceClient _client;
    private readonly AwsMetrics _metrics;

    public StsClient(IAwsCredentialsProvider credentials, EndpointResolver endpoints, AwsOptions options, AwsMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = endpoints.Resolve(AwsService.Sts);
        var config = new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = endpoint.Url.ToString(),
            AuthenticationRegion = endpoint.SigningRegion,
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = Math.Max(0, options.MaxAttempts - 1),
            Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        };
        _client = new AmazonSecurityTokenServiceClient(new ProviderBackedCredentials(credentials), config);
        _metrics = metrics ?? new AwsMetrics();
    }

    public async Task<AssumedRole> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sdkRequest = new Amazon.SecurityToken.Model.AssumeRoleRequest
        {
            RoleArn = request.RoleArn,
            RoleSessionName = request.SessionName,
            ExternalId = request.ExternalId,
            DurationSeconds = request.Duration is { } d ? (int)d.TotalSeconds : null,
            SourceIdentity = request.SourceIdentity,
        };
        if (request.Tags.Count > 0)
        {
            sdkRequest.Tags = request.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();
        }

        if (request.TransitiveTagKeys.Count > 0)
        {
            sdkRequest.TransitiveTagKeys = [.. request.TransitiveTagKeys];
        }

        var response = await CallAsync("AssumeRole", () => _client.AssumeRoleAsync(sdkRequest, cancellationToken)).ConfigureAwait(false);
        var c = response.Credentials;
        return new AssumedRole(
            new AwsCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken),
            new DateTimeOffset(DateTime.SpecifyKind(c.Expiration ?? DateTime.UtcNow, DateTimeKind.Utc)),
            response.AssumedRoleUser.Arn,
            response.AssumedRoleUser.AssumedRoleId,
            response.SourceIdentity);
    }

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("GetCallerIdentity", () => _client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken)).ConfigureAwait(false);
        return new CallerIdentity(response.Account, response.Arn, response.UserId);
    }

    public void Dispose() => _client.Dispose();

    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            _metrics.Record(AwsService.Sts, operation, "success", Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (AmazonServiceException e)
        {
            var status = (int)e.StatusCode;
            _metrics.Record(AwsService.Sts, operation, AwsMetrics.ResultOf(e.ErrorCode ?? "Unknown", status), Stopwatch.GetElapsedTime(started));
            throw new AwsServiceException("STS", operation, e.ErrorCode ?? "Unknown", e.Message, e.RequestId, status, attempts: 1, e);
            // The SDK retried inside the call; it does not tell how often, so Attempts counts the one logical call.
        }
    }
}
