using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AwsIntegrations.Aws;

/// <summary>
/// AWS Signature Version 4 (header form), checked against AWS's published test suite. Pure functions: the caller
/// puts host and x-amz-date (and x-amz-security-token) into the headers, this computes the Authorization value.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string EmptyPayloadHash { get; } = HashHex([]);

    public static string FormatAmzDate(DateTimeOffset time) => time.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    public static string Authorization(SigV4Input input, AwsCredentials credentials, string region, string service, string amzDate)
    {
        var signedHeaders = SignedHeaders(input.Headers);
        var signature = Signature(input, credentials.SecretAccessKey, region, service, amzDate);
        return $"{Algorithm} Credential={credentials.AccessKeyId}/{Scope(amzDate, region, service)}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    public static string Signature(SigV4Input input, string secretAccessKey, string region, string service, string amzDate)
    {
        var stringToSign = StringToSign(input, region, service, amzDate);
        var key = SigningKey(secretAccessKey, amzDate[..8], region, service);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Scope(string amzDate, string region, string service) => $"{amzDate[..8]}/{region}/{service}/aws4_request";

    public static string StringToSign(SigV4Input input, string region, string service, string amzDate) =>
        $"{Algorithm}\n{amzDate}\n{Scope(amzDate, region, service)}\n{HashHex(Encoding.UTF8.GetBytes(CanonicalRequest(input)))}";

    public static string CanonicalRequest(SigV4Input input)
    {
        var headers = CanonicalHeaders(input.Headers);
        var canonicalHeaders = string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"));
        return string.Join('\n',
            input.Method.ToUpperInvariant(),
            CanonicalUri(input.RawPath),
            CanonicalQuery(input.RawQuery),
            canonicalHeaders,
            string.Join(';', headers.Select(h => h.Key)),
            input.PayloadHash);
    }

    public static string SignedHeaders(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        string.Join(';', CanonicalHeaders(headers).Select(h => h.Key));

    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>RFC 3986 encoding: everything but A-Z a-z 0-9 - _ . ~ is %XX (upper-case hex), as SigV4 requires.</summary>
    public static string UriEncode(string value, bool keepSlash = false)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static List<KeyValuePair<string, string>> CanonicalHeaders(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers
            .GroupBy(h => h.Key.ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, string>(g.Key, string.Join(',', g.Select(h => TrimAll(h.Value)))))
            .ToList();

    private static string TrimAll(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // Non-S3 services: each path segment, as sent, is encoded once more ("double encoding").
    private static string CanonicalUri(string rawPath) =>
        string.IsNullOrEmpty(rawPath) ? "/" : string.Join('/', rawPath.Split('/').Select(s => UriEncode(s)));

    private static string CanonicalQuery(string rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery) || rawQuery == "?")
        {
            return string.Empty;
        }

        var pairs = rawQuery.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                var key = eq < 0 ? p : p[..eq];
                var value = eq < 0 ? string.Empty : p[(eq + 1)..];
                return (Key: UriEncode(Uri.UnescapeDataString(key)), Value: UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    private static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8.ToArray());
    }
}
