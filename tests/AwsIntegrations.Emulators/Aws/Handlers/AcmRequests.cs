using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Requested (not imported) ACM certificates: RequestCertificate answers at once with a certificate in
/// PENDING_VALIDATION; with DNS validation ACM issues it once the CNAME record it names for every domain is in a hosted
/// zone of the account and <see cref="AwsBehavior.CertificateValidation"/> has passed (ACM user guide, "DNS validation").
/// EMAIL validation never completes here: no mail is sent.
/// </summary>
public static class AcmRequests
{
    public static WireResponse Request(JsonObject body, AwsState state)
    {
        var domain = body["DomainName"]?.GetValue<string>() ?? throw new AwsFault("ValidationException", "1 validation error detected: Value null at 'domainName' failed to satisfy constraint: Member must not be null");
        var method = body["ValidationMethod"]?.GetValue<string>() ?? "EMAIL";
        if (method is not ("DNS" or "EMAIL"))
        {
            throw new AwsFault("ValidationException", $"1 validation error detected: Value '{method}' at 'validationMethod' failed to satisfy constraint: Member must satisfy enum value set: [EMAIL, DNS]");
        }

        var names = new List<string> { domain };
        names.AddRange((body["SubjectAlternativeNames"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).Where(n => n != domain));
        if (names.Count > 10)
        {
            throw new AwsFault("LimitExceededException", "Certificate can have at most 10 domain names");
        }

        var now = state.Time.GetUtcNow();
        var certificate = new Certificate
        {
            Arn = $"arn:aws:acm:{state.Region}:{state.AccountId}:certificate/{Guid.NewGuid()}",
            DomainName = domain, SubjectAlternativeNames = names, Status = "PENDING_VALIDATION", Type = "AMAZON_ISSUED",
            CreatedAt = now, Issuer = "Amazon", ValidationMethod = method,
        };
        foreach (var name in names)
        {
            var bare = name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
            certificate.Validations.Add(new DomainValidation(name, $"_{state.NewHex(32)}.{bare}.", $"_{state.NewHex(32)}.{state.NewHex(10)}.acm-validations.aws."));
        }

        foreach (var tag in body["Tags"]?.AsArray() ?? [])
        {
            certificate.Tags[tag!["Key"]!.GetValue<string>()] = tag["Value"]?.GetValue<string>() ?? string.Empty;
        }

        state.Certificates.Add(certificate);
        return WireResponse.Json(new JsonObject { ["CertificateArn"] = certificate.Arn });
    }

    /// <summary>Moves a DNS-validated certificate on when its records are in place (callers hold the state's gate).</summary>
    public static void Progress(Certificate certificate, AwsState state)
    {
        if (certificate.Status != "PENDING_VALIDATION" || certificate.ValidationMethod != "DNS")
        {
            return;
        }

        var now = state.Time.GetUtcNow();
        if (certificate.ValidationStartedAt is null)
        {
            if (!certificate.Validations.All(v => RecordExists(v, state)))
            {
                return;
            }

            certificate.ValidationStartedAt = now;
        }

        if (now >= certificate.ValidationStartedAt + state.Behavior.CertificateValidation)
        {
            certificate.Status = "ISSUED";
            certificate.IssuedAt = now;
            certificate.NotBefore = now;
            certificate.NotAfter = now.AddDays(395);
        }
    }

    public static JsonArray ValidationOptions(Certificate certificate) =>
        new([.. certificate.Validations.Select(v => (JsonNode)new JsonObject
        {
            ["DomainName"] = v.DomainName,
            ["ValidationDomain"] = v.DomainName,
            ["ValidationStatus"] = certificate.Status == "ISSUED" ? "SUCCESS" : "PENDING_VALIDATION",
            ["ValidationMethod"] = certificate.ValidationMethod,
            ["ResourceRecord"] = certificate.ValidationMethod == "DNS"
                ? new JsonObject { ["Name"] = v.RecordName, ["Type"] = "CNAME", ["Value"] = v.RecordValue }
                : null,
        })]);

    private static bool RecordExists(DomainValidation validation, AwsState state) =>
        state.HostedZones.Any(z => z.Records.Any(r =>
            r.Type == "CNAME" && string.Equals(r.Name, validation.RecordName, StringComparison.OrdinalIgnoreCase)
            && r.Values.Any(v => string.Equals(v.TrimEnd('.'), validation.RecordValue.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))));
}
