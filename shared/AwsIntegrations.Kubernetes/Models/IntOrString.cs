using System.Globalization;
using System.Text.Json.Serialization;

namespace AwsIntegrations.Kubernetes.Models;

/// <summary>A port given by number or by name (Service targetPort).</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString(int? Number, string? Name)
{
    public static implicit operator IntOrString(int number) => new(number, null);

    public static implicit operator IntOrString(string name) => new(null, name);

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Name ?? "";
}
