using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests;

/// <summary>What KubernetesClient throws when the API server refuses a call: the status code and the server's metav1.Status.</summary>
internal static class ApiRefusal
{
    public static async Task<V1Status> ShouldBeRefusedAsync(this Func<Task> call, HttpStatusCode code)
    {
        var error = (await call.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be(code, error.Response.Content);
        return KubernetesJson.Deserialize<V1Status>(error.Response.Content);
    }

    public static Task<V1Status> ShouldBeRefusedAsync<T>(this Func<Task<T>> call, HttpStatusCode code) =>
        ShouldBeRefusedAsync(() => (Task)call(), code);
}
