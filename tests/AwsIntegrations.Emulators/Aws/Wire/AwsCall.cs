using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>An incoming AWS request, parsed: service, operation and the parameters in the protocol's form.</summary>
public sealed class AwsCall
{
    public required EmulatedService Service { get; init; }
    public required string Operation { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string RawQuery { get; init; }
    public required string Body { get; init; }
    public required string RequestId { get; init; }
    public string? AccessKeyId { get; init; }

    /// <summary>Query / EC2 parameters (form body), or the query string of a REST call.</summary>
    public Dictionary<string, string> Parameters { get; init; } = new(StringComparer.Ordinal);

    public JsonObject? Json { get; init; }

    /// <summary>The role session that signed the call (null: an unrestricted key, or unsigned).</summary>
    public IamPrincipal? Principal { get; init; }

    /// <summary>The IAM decisions made for the call (its permissions, and a trust policy for STS), for the call log.</summary>
    public List<AuthorizationRecord> Authorizations { get; } = [];

    public string? Param(string name) => Parameters.GetValueOrDefault(name);

    public string RequiredParam(string name) =>
        Param(name) is { Length: > 0 } value ? value : throw new AwsFault(Service.Protocol == "ec2" ? "MissingParameter" : "ValidationError", $"The request must contain the parameter {name}");

    /// <summary>Values of a list parameter: prefix.1, prefix.2, … (prefix "Names.member" for Query, "SubnetId" for EC2).</summary>
    public List<string> List(string prefix)
    {
        var values = new List<string>();
        for (var i = 1; Parameters.TryGetValue($"{prefix}.{i}", out var value); i++)
        {
            values.Add(value);
        }

        return values;
    }

    /// <summary>Indexes of structure list items present: prefix.1.x, prefix.2.x, …</summary>
    public IEnumerable<string> Items(string prefix)
    {
        for (var i = 1; Parameters.Keys.Any(k => k.StartsWith($"{prefix}.{i}.", StringComparison.Ordinal)); i++)
        {
            yield return $"{prefix}.{i}.";
        }
    }
}
