using System.Net;
using k8s.Autorest;

namespace AwsIntegrations.Kubernetes.Api;

public static class NotFoundExtensions
{
    /// <summary>A read that answers null when the object does not exist: <c>await client.CoreV1.ReadNodeAsync(name).NullIfNotFound()</c>.</summary>
    public static async Task<T?> NullIfNotFound<T>(this Task<T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
