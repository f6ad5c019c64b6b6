using System.Globalization;
using System.Text.Json;
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

public sealed class IntOrStringConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? new IntOrString(reader.GetInt32(), null) : new IntOrString(null, reader.GetString());

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value.Name);
        }
    }
}
