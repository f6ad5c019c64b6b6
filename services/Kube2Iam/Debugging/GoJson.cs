using System.Globalization;
using System.Text;

namespace AwsIntegrations.Kube2Iam.Debugging;

/// <summary>
/// JSON written byte for byte as Go's encoding/json.Marshal writes it (kube2iam's /debug/store): map keys sorted, no spaces,
/// &lt; &gt; &amp; U+2028 U+2029 escaped as \u00XX/\u20XX, other control characters as \n \r \t \b \f or \u00XX, nil slices as null.
/// </summary>
public static class GoJson
{
    public static void WriteObject<T>(StringBuilder json, IEnumerable<KeyValuePair<string, T>> members, Action<StringBuilder, T> writeValue)
    {
        json.Append('{');
        var first = true;
        foreach (var (key, value) in members.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            json.Append(first ? string.Empty : ",");
            first = false;
            WriteString(json, key);
            json.Append(':');
            writeValue(json, value);
        }

        json.Append('}');
    }

    public static void WriteStrings(StringBuilder json, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            json.Append("null");
            return;
        }

        json.Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",");
            WriteString(json, values[i]);
        }

        json.Append(']');
    }

    public static void WriteString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                case '\b':
                    json.Append("\\b");
                    break;
                case '\f':
                    json.Append("\\f");
                    break;
                case < 0x20 or '<' or '>' or '&' or 0x2028 or 0x2029:
                    json.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    json.Append(rune.ToString());
                    break;
            }
        }

        json.Append('"');
    }
}
