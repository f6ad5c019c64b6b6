using System.Net.Http.Headers;

namespace AwsIntegrations.Aws;

/// <summary>Turns an <see cref="AwsRequest"/> into a signed <see cref="HttpRequestMessage"/> for an endpoint.</summary>
internal static class RequestSigner
{
    public static HttpRequestMessage Build(AwsEndpoint endpoint, AwsService service, AwsRequest request, AwsCredentials credentials, DateTimeOffset now)
    {
        var basePath = endpoint.Url.AbsolutePath.TrimEnd('/');
        var path = basePath + (request.Path.StartsWith('/') ? request.Path : "/" + request.Path);
        var uri = new UriBuilder(endpoint.Url) { Path = path, Query = request.Query }.Uri;
        var message = new HttpRequestMessage(request.Method, uri);
        var amzDate = SigV4Signer.FormatAmzDate(now);
        var host = endpoint.Url.IsDefaultPort ? endpoint.Url.Host : $"{endpoint.Url.Host}:{endpoint.Url.Port}";
        var signed = new List<KeyValuePair<string, string>> { new("host", host), new("x-amz-date", amzDate) };
        message.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (credentials.SessionToken is { } token)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
            signed.Add(new("x-amz-security-token", token));
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
            signed.Add(new(name.ToLowerInvariant(), value));
        }

        if (request.Method != HttpMethod.Get || request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                signed.Add(new("content-type", message.Content.Headers.ContentType.ToString()));
            }
        }

        var input = new SigV4Input(request.Method.Method, uri.AbsolutePath, uri.Query, signed, SigV4Signer.HashHex(request.Body));
        message.Headers.TryAddWithoutValidation("Authorization", SigV4Signer.Authorization(input, credentials, endpoint.SigningRegion, service.SigningName, amzDate));
        return message;
    }
}
