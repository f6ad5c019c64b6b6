using System.Globalization;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Builds Query-protocol answers: <c>&lt;OpResponse&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;&lt;ResponseMetadata/&gt;&lt;/OpResponse&gt;</c>,
/// EC2 answers (<c>&lt;OpResponse&gt;&lt;requestId/&gt;…</c>) and the error bodies of each protocol.
/// </summary>
public static class QueryXml
{
    public static WireResponse Result(EmulatedService service, string operation, string requestId, params object?[] content)
    {
        XNamespace ns = service.Namespace;
        var root = new XElement(ns + $"{operation}Response",
            new XElement(ns + $"{operation}Result", content),
            new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", requestId)));
        return WireResponse.Xml(Namespaced(root, ns));
    }

    public static WireResponse Ec2Result(string operation, string requestId, params object?[] content)
    {
        XNamespace ns = EmulatedService.Ec2.Namespace;
        var root = new XElement(ns + $"{operation}Response", new XElement(ns + "requestId", requestId), content);
        return WireResponse.Xml(Namespaced(root, ns));
    }

    /// <summary>A wrapped list: &lt;name&gt;&lt;item&gt;…&lt;/item&gt;…&lt;/name&gt;.</summary>
    public static XElement List<T>(string name, string item, IEnumerable<T> values, Func<T, object?> content) =>
        new(name, values.Select(v => new XElement(item, content(v))));

    public static XElement? Opt(string name, object? value) => value is null ? null : new XElement(name, Format(value));

    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static WireResponse Error(EmulatedService service, AwsFault fault, string requestId)
    {
        if (service.Protocol == "ec2")
        {
            return WireResponse.Xml(
                new XElement("Response",
                    new XElement("Errors", new XElement("Error", new XElement("Code", fault.Code), new XElement("Message", fault.Message))),
                    new XElement("RequestID", requestId)),
                fault.StatusCode);
        }

        XNamespace ns = service.Namespace;
        var root = new XElement(ns + "ErrorResponse",
            new XElement(ns + "Error",
                new XElement(ns + "Type", fault.StatusCode >= 500 ? "Receiver" : "Sender"),
                new XElement(ns + "Code", fault.Code),
                new XElement(ns + "Message", fault.Message)),
            new XElement(ns + "RequestId", requestId));
        return WireResponse.Xml(root, fault.StatusCode);
    }

    /// <summary>Puts every element without a namespace into the answer's namespace (so builders can use plain names).</summary>
    public static XElement Namespaced(XElement root, XNamespace ns)
    {
        foreach (var e in root.DescendantsAndSelf().Where(e => e.Name.Namespace == XNamespace.None))
        {
            e.Name = ns + e.Name.LocalName;
        }

        return root;
    }
}
