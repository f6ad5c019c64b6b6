using System.Text.RegularExpressions;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>The validation every kind gets: names are DNS-1123 subdomains (as the real server checks them).</summary>
public static partial class ObjectValidation
{
    public static void CheckName(ResourceDefinition definition, string name)
    {
        if (name.Length > 253 || !SubdomainPattern().IsMatch(name))
        {
            throw ApiError.Invalid(
                definition,
                name,
                "metadata.name",
                $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();
}
