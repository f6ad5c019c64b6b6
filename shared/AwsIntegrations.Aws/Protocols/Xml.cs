using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AwsIntegrations.Aws;

/// <summary>Reading AWS XML answers by local element name (namespaces differ per service and version).</summary>
internal static class Xml
{
    public static XElement Parse(byte[] body, string operation)
    {
        try
        {
            return XDocument.Parse(Encoding.UTF8.GetString(body)).Root ?? throw new AwsProtocolException($"{operation}: empty XML answer");
        }
        catch (XmlException e)
        {
            throw new AwsProtocolException($"{operation}: the answer is not XML: {e.Message}", e);
        }
    }

    public static XElement? Child(this XElement parent, string name)
    {
        WireReads.Record(PathOf(parent) + "/" + name);
        return parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);
    }

    public static XElement Required(this XElement parent, string name) =>
        parent.Child(name) ?? throw new AwsProtocolException($"element {name} missing under {PathOf(parent)}");

    public static string? Text(this XElement parent, string name) => parent.Child(name)?.Value;

    public static string RequiredText(this XElement parent, string name) => parent.Required(name).Value;

    public static int? Int(this XElement parent, string name) =>
        parent.Text(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;

    public static long? Long(this XElement parent, string name) =>
        parent.Text(name) is { } s ? long.Parse(s, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this XElement parent, string name) =>
        parent.Text(name) is { } s ? string.Equals(s, "true", StringComparison.OrdinalIgnoreCase) : null;

    public static DateTimeOffset? Time(this XElement parent, string name) =>
        parent.Text(name) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    /// <summary>Items of a wrapped list: <c>&lt;name&gt;&lt;item&gt;…&lt;/item&gt;&lt;/name&gt;</c> (item is "member" for Query, "item" for EC2).</summary>
    public static IEnumerable<XElement> List(this XElement parent, string name, string item)
    {
        var list = parent.Child(name);
        if (list is null)
        {
            return [];
        }

        WireReads.Record(PathOf(list) + "/" + item);
        return list.Elements().Where(e => e.Name.LocalName == item).ToList();
    }

    public static List<string> Strings(this XElement parent, string name, string item) =>
        parent.List(name, item).Select(e => e.Value).ToList();

    internal static string PathOf(XElement element) =>
        string.Join('/', element.AncestorsAndSelf().Reverse().Select(e => e.Name.LocalName));
}
