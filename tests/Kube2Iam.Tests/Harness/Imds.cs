using System.Net;
using System.Text.Json;

namespace AwsIntegrations.Kube2Iam.Tests.Harness;

/// <summary>What an SDK does against the metadata address, spelled out: token PUT, credential GETs.</summary>
public static class Imds
{
    public const string Credentials = "/latest/meta-data/iam/security-credentials/";

    public static async Task<string> TokenAsync(HttpClient client, int ttl = 21600)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/latest/api/token");
        request.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", ttl.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the token PUT succeeds");
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token", token);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
