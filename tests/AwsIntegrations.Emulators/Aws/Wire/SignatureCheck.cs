using System.Security.Cryptography;
using System.Text;
using AwsIntegrations.Aws;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Checks an incoming request's SigV4 Authorization header like AWS does: well-formed, a known access key, a scope
/// for the emulator's region (us-east-1 for Route 53), the session token of temporary keys, and a matching signature.
/// </summary>
public static class SignatureCheck
{
    public sealed record Scope(string AccessKeyId, string Date, string Region, string Service, string SignedHeaders, string Signature);

    public static Scope? ParseAuthorization(string? header)
    {
        if (header is null || !header.StartsWith(SigV4Signer.Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = header[(SigV4Signer.Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signed) || !parts.TryGetValue("Signature", out var signature))
        {
            return null;
        }

        var c = credential.Split('/');
        return c.Length == 5 && c[4] == "aws4_request" ? new Scope(c[0], c[1], c[2], c[3], signed, signature) : null;
    }

    /// <summary>Throws the fault AWS would answer with when the signature does not hold.</summary>
    public static void Verify(HttpRequest request, string rawTarget, byte[] body, Scope scope, AwsState state, EmulatedService service)
    {
        AwsCredentials? known;
        lock (state.Gate)
        {
            known = state.AccessKeys.GetValueOrDefault(scope.AccessKeyId);
        }

        var unknownKeyCode = service.Protocol == "json" ? "UnrecognizedClientException" : service.Protocol == "ec2" ? "AuthFailure" : "InvalidClientTokenId";
        if (known is null)
        {
            throw new AwsFault(unknownKeyCode, "The security token included in the request is invalid.", 403);
        }

        var expectedRegion = service == EmulatedService.Route53 ? "us-east-1" : state.Region;
        if (scope.Region != expectedRegion)
        {
            throw new AwsFault("SignatureDoesNotMatch", $"Credential should be scoped to a valid region, not '{scope.Region}'. ", 403);
        }

        if (known.SessionToken is not null && request.Headers["X-Amz-Security-Token"].ToString() != known.SessionToken)
        {
            throw new AwsFault(unknownKeyCode, "The security token included in the request is invalid.", 403);
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length < 8 || !amzDate.StartsWith(scope.Date, StringComparison.Ordinal))
        {
            throw new AwsFault("IncompleteSignature", "X-Amz-Date is missing or does not match the credential scope", 400);
        }

        var headers = scope.SignedHeaders.Split(';')
            .Select(name => new KeyValuePair<string, string>(name, name == "host" ? request.Headers.Host.ToString() : string.Join(',', request.Headers[name].ToArray())))
            .ToList();
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        var payloadHash = request.Headers["X-Amz-Content-SHA256"].ToString() is { Length: 64 } h ? h : SigV4Signer.HashHex(body);
        var input = new SigV4Input(request.Method, path, query, headers, payloadHash);
        var expected = SigV4Signer.Signature(input, known.SecretAccessKey, scope.Region, scope.Service, amzDate);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(scope.Signature)))
        {
            throw new AwsFault("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.", 403);
        }
    }
}
