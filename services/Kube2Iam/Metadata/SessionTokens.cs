using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AwsIntegrations.Kube2Iam.Metadata;

public enum TokenCheck
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// IMDSv2 session tokens bound to the pod that asked: expiry plus an HMAC over (expiry, pod UID, pod IP) under a key
/// that never leaves the process. Nothing is stored, so no caller can fill memory with tokens; another pod, a new pod on
/// a reused IP, or a restarted daemon gets 401.
/// </summary>
public sealed class SessionTokens(TimeProvider time)
{
    public const int MinTtlSeconds = 1;
    public const int MaxTtlSeconds = 21600;
    private const int MaxTokenLength = 128;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The TTL from the request header, or null when it is missing or outside 1–21600 (EC2 answers 400).</summary>
    public static int? ParseTtl(string? header) =>
        int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) && ttl is >= MinTtlSeconds and <= MaxTtlSeconds ? ttl : null;

    public string Issue(string podUid, string ip, int ttlSeconds)
    {
        var expiry = time.GetUtcNow().ToUnixTimeSeconds() + ttlSeconds;
        var head = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(head, expiry);
        return Base64Url(head) + "." + Base64Url(Mac(expiry, podUid, ip));
    }

    public TokenCheck Check(string token, string podUid, string ip)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > MaxTokenLength || dot <= 0)
        {
            return TokenCheck.Invalid;
        }

        byte[] head, mac;
        try
        {
            head = FromBase64Url(token[..dot]);
            mac = FromBase64Url(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return TokenCheck.Invalid;
        }

        if (head.Length != 8)
        {
            return TokenCheck.Invalid;
        }

        var expiry = BinaryPrimitives.ReadInt64BigEndian(head);
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(expiry, podUid, ip)))
        {
            return TokenCheck.Invalid;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() < expiry ? TokenCheck.Valid : TokenCheck.Expired;
    }

    private byte[] Mac(long expiry, string podUid, string ip) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{expiry}|{podUid}|{ip}")));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
