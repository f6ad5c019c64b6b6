using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwsIntegrations.Kubernetes.Models;

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
