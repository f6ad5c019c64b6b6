using System.Net;
using k8s.Authentication;

namespace AwsIntegrations.Kubernetes.Client.Handlers;

/// <summary>
/// Puts the credentials on every request (bearer token from a file, an exec plugin or OIDC; basic auth). When the server
/// answers 401 it builds the credentials anew (the token rotated, the exec credential expired) and tries once more.
/// </summary>
internal sealed class AuthenticationHandler(ServiceClientCredentials? initial, Func<ServiceClientCredentials?> renew) : DelegatingHandler
{
    private readonly Lock _gate = new();
    private ServiceClientCredentials? _credentials = initial;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var used = Current();
        await ApplyAsync(used, request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || used is null)
        {
            return response;
        }

        response.Dispose();
        var renewed = Renew(used);
        await ApplyAsync(renewed, request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ApplyAsync(ServiceClientCredentials? credentials, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (credentials is not null)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private ServiceClientCredentials? Current()
    {
        lock (_gate)
        {
            return _credentials;
        }
    }

    /// <summary>New credentials, unless a concurrent request renewed them already.</summary>
    private ServiceClientCredentials? Renew(ServiceClientCredentials stale)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_credentials, stale))
            {
                _credentials = renew();
            }

            return _credentials;
        }
    }
}
