using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AwsIntegrations.Aws;

/// <summary>
/// IMDS client: gets a session token with PUT /latest/api/token (TTL 6 h, renewed a minute early or on 401), and
/// falls back to IMDSv1 when the token endpoint answers 403/404/405 or does not answer (hop limit reached).
/// </summary>
public sealed class InstanceMetadataClient : IInstanceMetadataApi
{
    public static readonly TimeSpan TokenTtl = TimeSpan.FromHours(6);
    private static readonly AwsService Service = new("imds", "IMDS", "imds", "imds", IsGlobal: false);

    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly TimeProvider _time;
    private readonly AwsMetrics _metrics;
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpiry;
    private bool _v1Only;

    public InstanceMetadataClient(HttpClient http, string baseAddress, TimeProvider? time = null, AwsMetrics? metrics = null)
    {
        _http = http;
        _base = new Uri(baseAddress.TrimEnd('/') + "/");
        _time = time ?? TimeProvider.System;
        _metrics = metrics ?? new AwsMetrics();
    }

    /// <summary>True once the service refused tokens and the client speaks IMDSv1.</summary>
    public bool UsesV1 => _v1Only;

    public async Task<string> GetInstanceIdAsync(CancellationToken cancellationToken) => await RequiredAsync("meta-data/instance-id", cancellationToken).ConfigureAwait(false);

    public async Task<string> GetRegionAsync(CancellationToken cancellationToken) => await RequiredAsync("meta-data/placement/region", cancellationToken).ConfigureAwait(false);

    public async Task<string> GetAvailabilityZoneAsync(CancellationToken cancellationToken) => await RequiredAsync("meta-data/placement/availability-zone", cancellationToken).ConfigureAwait(false);

    public async Task<InstanceIamInfo> GetIamInfoAsync(CancellationToken cancellationToken)
    {
        using var doc = JsonDocument.Parse(await RequiredAsync("meta-data/iam/info", cancellationToken).ConfigureAwait(false));
        var r = doc.RootElement;
        return new InstanceIamInfo(Str(r, "Code"), Str(r, "InstanceProfileArn"), Str(r, "InstanceProfileId"), Time(r, "LastUpdated"));
    }

    public async Task<string> GetRoleNameAsync(CancellationToken cancellationToken)
    {
        var list = await RequiredAsync("meta-data/iam/security-credentials/", cancellationToken).ConfigureAwait(false);
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? throw new AwsProtocolException("instance metadata lists no role under iam/security-credentials/");
    }

    public async Task<InstanceRoleCredentials> GetRoleCredentialsAsync(string roleName, CancellationToken cancellationToken)
    {
        using var doc = JsonDocument.Parse(await RequiredAsync("meta-data/iam/security-credentials/" + Uri.EscapeDataString(roleName), cancellationToken).ConfigureAwait(false));
        var r = doc.RootElement;
        return new InstanceRoleCredentials(Str(r, "Code"), Str(r, "AccessKeyId"), Str(r, "SecretAccessKey"), Str(r, "Token"), Time(r, "Expiration"), Time(r, "LastUpdated"));
    }

    public async Task<string?> GetAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "latest/" + path.TrimStart('/')));
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token", token);
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            _metrics.Record(Service, "GetMetadata", response.IsSuccessStatusCode || status == 404 ? "success" : AwsMetrics.ResultOf(string.Empty, status), Stopwatch.GetElapsedTime(started));
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && attempt == 0)
            {
                _token = null; // expired or revoked: fetch a new one once
                continue;
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new AwsServiceException("IMDS", "GetMetadata", $"Http{status}", $"GET /latest/{path} answered {status}", null, status, attempt + 1);
            }

            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> RequiredAsync(string path, CancellationToken cancellationToken) =>
        await GetAsync(path, cancellationToken).ConfigureAwait(false)
        ?? throw new AwsServiceException("IMDS", "GetMetadata", "NotFound", $"/latest/{path} does not exist on this instance", null, 404, 1);

    private async Task<string?> TokenAsync(CancellationToken cancellationToken)
    {
        if (_v1Only)
        {
            return null;
        }

        await _tokenGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && _time.GetUtcNow() < _tokenExpiry)
            {
                return _token;
            }

            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_base, "latest/api/token"));
            request.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token-ttl-seconds", ((int)TokenTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _v1Only = true; // no answer within a second: the PUT's hop limit was reached, as in a container
                return null;
            }

            using (response)
            {
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
                {
                    _v1Only = true;
                    return null;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new AwsServiceException("IMDS", "GetToken", $"Http{(int)response.StatusCode}", "PUT /latest/api/token failed", null, (int)response.StatusCode, 1);
                }

                _token = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                _tokenExpiry = _time.GetUtcNow() + TokenTtl - TimeSpan.FromMinutes(1);
                return _token;
            }
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.GetString() is { } s ? s : throw new AwsProtocolException($"instance metadata answer lacks {name}");

    private static DateTimeOffset Time(JsonElement e, string name) =>
        DateTimeOffset.Parse(Str(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
