using System.Text;

namespace AwsIntegrations.Aws;

/// <summary>
/// The body of a Query / EC2 Query request: Action, Version and parameters as application/x-www-form-urlencoded.
/// Query lists are <c>Name.member.N</c>; EC2 lists are <c>Name.N</c> (callers pass the model's serialized name).
/// </summary>
internal sealed class QueryForm
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly List<KeyValuePair<string, string>> _fields = [];

    public QueryForm(string action, string version)
    {
        Add("Action", action);
        Add("Version", version);
    }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public QueryForm Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    public QueryForm Add(string name, int? value) => Add(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public QueryForm Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds <c>prefix.1</c>, <c>prefix.2</c>, … (prefix is <c>Name.member</c> for Query, <c>Name</c> for EC2).</summary>
    public QueryForm AddList(string prefix, IEnumerable<string>? values)
    {
        var i = 0;
        foreach (var value in values ?? [])
        {
            Add($"{prefix}.{++i}", value);
        }

        return this;
    }

    /// <summary>Adds structures of a list: <c>prefix.N.</c> + whatever <paramref name="write"/> adds.</summary>
    public QueryForm AddList<T>(string prefix, IEnumerable<T>? items, Action<QueryForm, string, T> write)
    {
        var i = 0;
        foreach (var item in items ?? [])
        {
            write(this, $"{prefix}.{++i}.", item);
        }

        return this;
    }

    public AwsRequest ToRequest() => AwsRequest.Post("/", Encoding.UTF8.GetBytes(Encode()), ContentType);

    public string Encode() => string.Join('&', _fields.Select(f => $"{SigV4Signer.UriEncode(f.Key)}={SigV4Signer.UriEncode(f.Value)}"));
}
