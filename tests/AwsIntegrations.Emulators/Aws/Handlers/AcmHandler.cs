using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// ACM (JSON 1.1): ListCertificates with status and key-type filters (ACM's default: RSA_1024 and RSA_2048 only) and
/// NextToken paging, DescribeCertificate with InUseBy from the listeners, ImportCertificate that parses the PEM and
/// checks the key matches, RequestCertificate (<see cref="AcmRequests"/>), ListTagsForCertificate. Expired certificates report EXPIRED.
/// </summary>
public static class AcmHandler
{
    private static readonly string[] DefaultKeyTypes = ["RSA_1024", "RSA_2048"];

    public static WireResponse Handle(AwsCall call, AwsState state)
    {
        var body = call.Json ?? new JsonObject();
        lock (state.Gate)
        {
            return call.Operation switch
            {
                "ListCertificates" => List(body, state),
                "DescribeCertificate" => WireResponse.Json(new JsonObject { ["Certificate"] = Detail(Find(body, state), state) }),
                "ImportCertificate" => Import(body, state),
                "RequestCertificate" => AcmRequests.Request(body, state),
                "ListTagsForCertificate" => ListTags(Find(body, state)),
                _ => throw new AwsFault("UnknownOperationException", $"Unknown operation {call.Operation}"),
            };
        }
    }

    public static string StatusOf(Certificate c, AwsState state)
    {
        AcmRequests.Progress(c, state);
        return c.Status == "ISSUED" && c.NotAfter <= state.Time.GetUtcNow() ? "EXPIRED" : c.Status;
    }

    private static WireResponse List(JsonObject body, AwsState state)
    {
        var statuses = Strings(body["CertificateStatuses"]);
        var keyTypes = Strings(body["Includes"]?["keyTypes"]);
        keyTypes = keyTypes.Count == 0 ? [.. DefaultKeyTypes] : keyTypes;
        var max = body["MaxItems"]?.GetValue<int>() ?? state.DefaultPageSize ?? 1000;
        if (max is < 1 or > 1000)
        {
            throw new AwsFault("ValidationException", "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
        }

        var matching = state.Certificates
            .Where(c => (statuses.Count == 0 || statuses.Contains(StatusOf(c, state))) && keyTypes.Contains(c.KeyAlgorithm))
            .ToList();
        var offset = body["NextToken"]?.GetValue<string>() is { } token ? Paging.Decode(token) : 0;
        var page = matching.Skip(offset).Take(max).ToList();
        var answer = new JsonObject
        {
            ["CertificateSummaryList"] = new JsonArray([.. page.Select(c => (JsonNode)Summary(c, state))]),
        };
        if (offset + max < matching.Count)
        {
            answer["NextToken"] = Paging.Encode(offset + max);
        }

        return WireResponse.Json(answer);
    }

    private static JsonObject Summary(Certificate c, AwsState state)
    {
        var summary = SummaryWithNulls(c, state);
        foreach (var key in summary.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            summary.Remove(key);
        }

        return summary;
    }

    private static JsonObject SummaryWithNulls(Certificate c, AwsState state) => new()
    {
        ["CertificateArn"] = c.Arn,
        ["DomainName"] = c.DomainName,
        ["SubjectAlternativeNameSummaries"] = new JsonArray([.. c.SubjectAlternativeNames.Take(100).Select(n => (JsonNode)n)]),
        ["HasAdditionalSubjectAlternativeNames"] = c.SubjectAlternativeNames.Count > 100,
        ["Status"] = StatusOf(c, state),
        ["Type"] = c.Type,
        ["KeyAlgorithm"] = c.KeyAlgorithm,
        ["InUse"] = InUseBy(c, state).Count > 0,
        ["NotBefore"] = IsValidated(c) ? Epoch(c.NotBefore) : null,
        ["NotAfter"] = IsValidated(c) ? Epoch(c.NotAfter) : null,
        ["CreatedAt"] = Epoch(c.CreatedAt),
        ["ImportedAt"] = c.ImportedAt is { } at ? Epoch(at) : null,
        ["IssuedAt"] = c.IssuedAt is { } issued ? Epoch(issued) : null,
    };

    private static bool IsValidated(Certificate c) => c.ValidationMethod is null || c.IssuedAt is not null;

    private static JsonObject Detail(Certificate c, AwsState state)
    {
        var detail = new JsonObject
        {
            ["CertificateArn"] = c.Arn,
            ["DomainName"] = c.DomainName,
            ["SubjectAlternativeNames"] = new JsonArray([.. c.SubjectAlternativeNames.Select(n => (JsonNode)n)]),
            ["Serial"] = c.Serial,
            ["Subject"] = "CN=" + c.DomainName,
            ["Issuer"] = c.Issuer,
            ["Status"] = StatusOf(c, state),
            ["Type"] = c.Type,
            ["KeyAlgorithm"] = c.KeyAlgorithm,
            ["InUseBy"] = new JsonArray([.. InUseBy(c, state).Select(a => (JsonNode)a)]),
            ["CreatedAt"] = Epoch(c.CreatedAt),
        };
        if (IsValidated(c))
        {
            detail["NotBefore"] = Epoch(c.NotBefore);
            detail["NotAfter"] = Epoch(c.NotAfter);
        }

        if (c.ImportedAt is { } imported)
        {
            detail["ImportedAt"] = Epoch(imported);
        }
        else if (IsValidated(c))
        {
            detail["IssuedAt"] = Epoch(c.IssuedAt ?? c.CreatedAt);
        }

        if (c.ValidationMethod is not null)
        {
            detail["DomainValidationOptions"] = AcmRequests.ValidationOptions(c);
        }

        return detail;
    }

    private static WireResponse Import(JsonObject body, AwsState state)
    {
        var pem = Blob(body, "Certificate");
        var key = Blob(body, "PrivateKey");
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem, key);
        }
        catch (CryptographicException e)
        {
            throw new AwsFault("ValidationException", "The certificate or private key could not be parsed, or they do not match: " + e.Message);
        }

        using (certificate)
        {
            var now = state.Time.GetUtcNow();
            var arn = body["CertificateArn"]?.GetValue<string>();
            var existing = arn is null ? null : state.Certificates.FirstOrDefault(c => c.Arn == arn) ?? throw new AwsFault("ResourceNotFoundException", $"Could not find certificate {arn}.");
            var names = SubjectAlternativeNames(certificate);
            var domain = certificate.GetNameInfo(X509NameType.DnsName, false);
            var target = existing ?? new Certificate { Arn = $"arn:aws:acm:{state.Region}:{state.AccountId}:certificate/{Guid.NewGuid()}", DomainName = domain, CreatedAt = now };
            target.DomainName = domain;
            target.SubjectAlternativeNames = names.Count > 0 ? names : [domain];
            target.NotBefore = certificate.NotBefore.ToUniversalTime();
            target.NotAfter = certificate.NotAfter.ToUniversalTime();
            target.KeyAlgorithm = KeyAlgorithm(certificate);
            target.Issuer = certificate.Issuer;
            target.Serial = string.Join(':', Convert.ToHexStringLower(certificate.GetSerialNumber().Reverse().ToArray()).Chunk(2).Select(c => new string(c)));
            target.ImportedAt = now;
            target.Status = "ISSUED";
            target.Body = pem;
            foreach (var tag in body["Tags"]?.AsArray() ?? [])
            {
                target.Tags[tag!["Key"]!.GetValue<string>()] = tag["Value"]?.GetValue<string>() ?? string.Empty;
            }

            if (existing is null)
            {
                state.Certificates.Add(target);
            }

            return WireResponse.Json(new JsonObject { ["CertificateArn"] = target.Arn });
        }
    }

    private static WireResponse ListTags(Certificate c) => WireResponse.Json(new JsonObject
    {
        ["Tags"] = new JsonArray([.. c.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]),
    });

    private static List<string> InUseBy(Certificate c, AwsState state) =>
        state.Listeners.Where(l => l.Certificates.Any(x => x.Arn == c.Arn)).Select(l => l.LoadBalancerArn).Distinct().ToList();

    private static Certificate Find(JsonObject body, AwsState state)
    {
        var arn = body["CertificateArn"]?.GetValue<string>() ?? throw new AwsFault("ValidationException", "CertificateArn is required");
        if (!arn.StartsWith("arn:aws:acm:", StringComparison.Ordinal))
        {
            throw new AwsFault("InvalidArnException", $"{arn} is not a valid ARN");
        }

        return state.Certificates.FirstOrDefault(c => c.Arn == arn) ?? throw new AwsFault("ResourceNotFoundException", $"Could not find certificate {arn}.");
    }

    private static string Blob(JsonObject body, string name)
    {
        var value = body[name]?.GetValue<string>() ?? throw new AwsFault("ValidationException", $"{name} is required");
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            throw new AwsFault("SerializationException", $"{name} is not base64");
        }
    }

    private static List<string> SubjectAlternativeNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).ToList();

    private static string KeyAlgorithm(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return "RSA_" + rsa.KeySize;
        }

        using var ec = certificate.GetECDsaPublicKey();
        return ec?.KeySize switch
        {
            256 => "EC_prime256v1",
            384 => "EC_secp384r1",
            521 => "EC_secp521r1",
            _ => throw new AwsFault("ValidationException", "Unsupported key algorithm"),
        };
    }

    private static List<string> Strings(JsonNode? node) => node?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];

    private static double Epoch(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
