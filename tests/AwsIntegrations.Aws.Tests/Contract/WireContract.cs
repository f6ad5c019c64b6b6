using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AwsIntegrations.Aws.Tests.Contract;

/// <summary>
/// Checks wire messages against a botocore model, the way botocore's serializers and parsers read it: Query lists as
/// Name.member.N, EC2 lists as Name.N with capitalized locationNames, XML elements by locationName, JSON by member name.
/// Every problem is one line in <see cref="Problems"/>.
/// </summary>
internal sealed class WireContract(BotocoreModel model)
{
    public List<string> Problems { get; } = [];

    public void CheckQueryRequest(string operation, IReadOnlyDictionary<string, string> parameters)
    {
        var input = InputShape(operation);
        if (input is null)
        {
            return;
        }

        foreach (var key in parameters.Keys.Where(k => k is not "Action" and not "Version"))
        {
            var problem = WalkQuery(input, key.Split('.'), 0);
            if (problem is not null)
            {
                Problems.Add($"{model.Service}:{operation} request parameter {key}: {problem}");
            }
        }
    }

    public void CheckRestRequest(string operation, string method, string path, string query, string body)
    {
        var op = model.Operation(operation);
        if (op is null)
        {
            Problems.Add($"{model.Service}: no operation {operation}");
            return;
        }

        var http = op["http"]!;
        var template = "^" + Regex.Replace(Regex.Escape(http["requestUri"]!.GetValue<string>().TrimEnd('/')), @"\\\{[^}]+}", "[^/]+") + "/?$";
        if (http["method"]!.GetValue<string>() != method || !Regex.IsMatch(path, template))
        {
            Problems.Add($"{model.Service}:{operation} sent as {method} {path}, model says {http["method"]} {http["requestUri"]}");
        }

        var input = op["input"]?["shape"]?.GetValue<string>();
        if (input is null)
        {
            return;
        }

        var queryNames = model.Members(input).Where(m => m.Ref["location"]?.GetValue<string>() == "querystring").Select(m => m.Ref["locationName"]!.GetValue<string>()).ToHashSet();
        foreach (var name in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]))
        {
            if (!queryNames.Contains(name))
            {
                Problems.Add($"{model.Service}:{operation} query parameter {name} is not in the model");
            }
        }

        if (body.Length > 0)
        {
            var root = XDocument.Parse(body).Root!;
            var expected = op["input"]!["locationName"]?.GetValue<string>();
            if (root.Name.LocalName != expected || root.Name.NamespaceName != op["input"]!["xmlNamespace"]?["uri"]?.GetValue<string>())
            {
                Problems.Add($"{model.Service}:{operation} request root {root.Name} is not {{{op["input"]!["xmlNamespace"]?["uri"]}}}{expected}");
            }

            CheckXml(root, input, $"{operation} request");
        }
    }

    public void CheckJsonRequest(string operation, string body) => CheckJson(JsonNode.Parse(body), InputShape(operation), $"{operation} request");

    public void CheckJsonResponse(string operation, string body) => CheckJson(JsonNode.Parse(body), OutputShape(operation), $"{operation} response");

    /// <summary>A Query/EC2/REST-XML answer: every element must be a member the model's output shape knows.</summary>
    public void CheckXmlResponse(string operation, string body)
    {
        var root = XDocument.Parse(body).Root!;
        var output = OutputShape(operation);
        if (output is null)
        {
            return;
        }

        var start = root;
        if (model.Protocol == "query")
        {
            var wrapper = model.Operation(operation)!["output"]!["resultWrapper"]!.GetValue<string>();
            start = root.Elements().FirstOrDefault(e => e.Name.LocalName == wrapper) ?? new XElement(wrapper);
            foreach (var extra in root.Elements().Where(e => e.Name.LocalName is not "ResponseMetadata" && e.Name.LocalName != wrapper))
            {
                Problems.Add($"{model.Service}:{operation} response has {extra.Name.LocalName} outside {wrapper}");
            }
        }

        CheckXml(start, output, $"{operation} response", ignore: model.Protocol == "ec2" ? "requestId" : null);
    }

    /// <summary>A member path our parser read ("Root/Result/List/member/Field"), resolved in the output shape.</summary>
    public void CheckRead(string path)
    {
        var segments = path.Split('/');
        var operation = segments[0].EndsWith("Response", StringComparison.Ordinal) ? segments[0][..^"Response".Length] : segments[0];
        var shape = OutputShape(operation);
        if (shape is null)
        {
            return;
        }

        var index = model.Protocol == "query" ? 2 : 1;
        if (model.Protocol == "query" && (segments.Length < 2 || segments[1] != operation + "Result"))
        {
            Problems.Add($"{model.Service}: read {path} does not go through {operation}Result");
            return;
        }

        for (var i = index; i < segments.Length; i++)
        {
            var type = model.Type(shape);
            if (type == "structure")
            {
                var member = model.Members(shape).FirstOrDefault(m => XmlName(m.Name, m.Ref) == segments[i]);
                if (member.Ref is null)
                {
                    Problems.Add($"{model.Service}: our parser reads {path}, but {segments[i]} is not a member of {shape}");
                    return;
                }

                shape = member.Ref["shape"]!.GetValue<string>();
            }
            else if (type == "list")
            {
                var (itemShape, itemRef) = model.ListMember(shape);
                var itemName = itemRef["locationName"]?.GetValue<string>() ?? "member";
                if (segments[i] != itemName)
                {
                    Problems.Add($"{model.Service}: our parser reads {path}, but the items of {shape} are <{itemName}>");
                    return;
                }

                shape = itemShape;
            }
            else
            {
                Problems.Add($"{model.Service}: our parser reads below the scalar {shape} in {path}");
                return;
            }
        }
    }

    public void CheckErrorCode(string operation, string code, IReadOnlySet<string> common)
    {
        if (!model.ErrorCodes(operation).Contains(code) && !common.Contains(code))
        {
            Problems.Add($"{model.Service}:{operation} answered error {code}, which the model does not list for it (nor is it a common AWS error)");
        }
    }

    private string? InputShape(string operation)
    {
        var op = model.Operation(operation);
        if (op is null)
        {
            Problems.Add($"{model.Service}: no operation {operation} in the model");
        }

        return op?["input"]?["shape"]?.GetValue<string>();
    }

    private string? OutputShape(string operation)
    {
        var op = model.Operation(operation);
        if (op is null)
        {
            Problems.Add($"{model.Service}: no operation {operation} in the model");
        }

        return op?["output"]?["shape"]?.GetValue<string>();
    }

    private string XmlName(string name, JsonObject memberRef) => memberRef["locationName"]?.GetValue<string>() ?? name;

    private string QueryName(string name, JsonObject memberRef)
    {
        if (model.Protocol != "ec2")
        {
            return memberRef["locationName"]?.GetValue<string>() ?? name;
        }

        if (memberRef["queryName"]?.GetValue<string>() is { } queryName)
        {
            return queryName;
        }

        return memberRef["locationName"]?.GetValue<string>() is { Length: > 0 } location ? char.ToUpperInvariant(location[0]) + location[1..] : name;
    }

    private string? WalkQuery(string shape, string[] segments, int i)
    {
        var type = model.Type(shape);
        switch (type)
        {
            case "structure":
                if (i >= segments.Length)
                {
                    return $"ends at structure {shape}";
                }

                var member = model.Members(shape).FirstOrDefault(m => QueryName(m.Name, m.Ref) == segments[i]);
                return member.Ref is null
                    ? $"{segments[i]} is not a member of {shape} (members: {string.Join(", ", model.Members(shape).Select(m => QueryName(m.Name, m.Ref)))})"
                    : WalkQuery(member.Ref["shape"]!.GetValue<string>(), segments, i + 1);
            case "list":
                var (itemShape, itemRef) = model.ListMember(shape);
                if (model.Protocol == "query" && !model.Flattened(shape))
                {
                    var itemName = itemRef["locationName"]?.GetValue<string>() ?? "member";
                    if (i >= segments.Length || segments[i] != itemName)
                    {
                        return $"items of {shape} are {itemName}.N";
                    }

                    i++;
                }

                return i < segments.Length && int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                    ? WalkQuery(itemShape, segments, i + 1)
                    : $"list {shape} needs a 1-based index";
            case "map":
                return null;
            default:
                return i == segments.Length ? null : $"goes below the scalar {shape}";
        }
    }

    private void CheckXml(XElement element, string shape, string where, string? ignore = null)
    {
        var type = model.Type(shape);
        if (type == "structure")
        {
            var members = model.Members(shape).Where(m => m.Ref["location"] is null).ToList();
            foreach (var child in element.Elements().Where(c => c.Name.LocalName != ignore))
            {
                var member = members.FirstOrDefault(m => XmlName(m.Name, m.Ref) == child.Name.LocalName);
                if (member.Ref is null)
                {
                    Problems.Add($"{model.Service} {where}: <{child.Name.LocalName}> is not a member of {shape}");
                    continue;
                }

                CheckXml(child, member.Ref["shape"]!.GetValue<string>(), where);
            }
        }
        else if (type == "list")
        {
            var (itemShape, itemRef) = model.ListMember(shape);
            var itemName = itemRef["locationName"]?.GetValue<string>() ?? "member";
            foreach (var item in element.Elements())
            {
                if (item.Name.LocalName != itemName)
                {
                    Problems.Add($"{model.Service} {where}: items of {shape} must be <{itemName}>, found <{item.Name.LocalName}>");
                }

                CheckXml(item, itemShape, where);
            }
        }
        else if (type != "map" && element.HasElements)
        {
            Problems.Add($"{model.Service} {where}: the scalar {shape} <{element.Name.LocalName}> has child elements");
        }
        else if (type == "timestamp" && !DateTimeOffset.TryParse(element.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            Problems.Add($"{model.Service} {where}: timestamp <{element.Name.LocalName}> is not ISO 8601: {element.Value}");
        }
        else if (type is "integer" or "long" && !long.TryParse(element.Value, CultureInfo.InvariantCulture, out _))
        {
            Problems.Add($"{model.Service} {where}: {type} <{element.Name.LocalName}> is not a number: {element.Value}");
        }
        else if (type == "boolean" && element.Value is not ("true" or "false"))
        {
            Problems.Add($"{model.Service} {where}: boolean <{element.Name.LocalName}> is {element.Value}");
        }
    }

    private void CheckJson(JsonNode? node, string? shape, string where)
    {
        if (node is null || shape is null)
        {
            return;
        }

        switch (model.Type(shape))
        {
            case "structure" when node is JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var member = model.Members(shape).FirstOrDefault(m => m.Name == key);
                    if (member.Ref is null)
                    {
                        Problems.Add($"{model.Service} {where}: \"{key}\" is not a member of {shape}");
                        continue;
                    }

                    CheckJson(value, member.Ref["shape"]!.GetValue<string>(), where);
                }

                break;
            case "list" when node is JsonArray array:
                foreach (var item in array)
                {
                    CheckJson(item, model.ListMember(shape).Shape, where);
                }

                break;
            case "timestamp" when node.GetValueKind() != System.Text.Json.JsonValueKind.Number:
                Problems.Add($"{model.Service} {where}: timestamp of {shape} must be epoch seconds");
                break;
            case "structure" or "list":
                Problems.Add($"{model.Service} {where}: {shape} has the wrong JSON kind {node.GetValueKind()}");
                break;
        }
    }
}
