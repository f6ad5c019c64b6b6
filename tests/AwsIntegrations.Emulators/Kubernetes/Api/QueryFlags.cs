namespace AwsIntegrations.Emulators.Kubernetes.Api;

/// <summary>
/// Boolean query parameters as the API server reads them (Go's strconv.ParseBool): 1, t, T, TRUE, true, True and
/// 0, f, F, FALSE, false, False; absent or empty is false; anything else is a 400. The official Python client sends
/// <c>watch=True</c>.
/// </summary>
public static class QueryFlags
{
    public static bool Read(string? value, string name) => value switch
    {
        null or "" => false,
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => throw Store.ApiError.BadRequest($"{name}: Invalid value: \"{value}\": strconv.ParseBool: parsing \"{value}\": invalid syntax"),
    };
}
