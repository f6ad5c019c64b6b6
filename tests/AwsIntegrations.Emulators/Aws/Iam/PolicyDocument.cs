using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// An IAM policy document, parsed and checked the way IAM checks it before it accepts one: a Version IAM knows, a
/// Statement (one object or a list) whose statements have an Effect, exactly one of Action/NotAction, and — by kind —
/// exactly one of Resource/NotResource (permissions policies) or Principal/NotPrincipal (trust policies). Anything
/// else is refused with the element it is about (IAM answers MalformedPolicyDocument).
/// Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
/// </summary>
public sealed class PolicyDocument
{
    private static readonly HashSet<string> StatementElements = new(StringComparer.Ordinal)
    {
        "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
    };

    private PolicyDocument(string name, PolicyKind kind, IReadOnlyList<PolicyStatement> statements, string json)
    {
        Name = name;
        Kind = kind;
        Statements = statements;
        Json = json;
    }

    /// <summary>How the policy is called where it is attached (its file name for the deploy/ policies).</summary>
    public string Name { get; }

    public PolicyKind Kind { get; }

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>The document as it was given.</summary>
    public string Json { get; }

    public static PolicyDocument Parse(string name, string json, PolicyKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw Malformed(name, "the document is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Malformed(name, "the document is not JSON: " + e.Message);
        }

        foreach (var key in root.Select(p => p.Key).Where(k => k is not ("Version" or "Id" or "Statement")))
        {
            throw Malformed(name, $"Syntax errors in policy: unknown element {key}");
        }

        if (root["Version"] is { } version && Text(version) is not ("2012-10-17" or "2008-10-17"))
        {
            throw Malformed(name, $"The policy failed legacy parsing: Version {version.ToJsonString()} is not 2012-10-17 or 2008-10-17");
        }

        var statements = root["Statement"] switch
        {
            JsonArray list => list.ToList(),
            JsonObject single => [single],
            _ => throw Malformed(name, "Statement is missing or not an object or a list"),
        };
        if (statements.Count == 0)
        {
            throw Malformed(name, "Statement is empty");
        }

        return new PolicyDocument(name, kind, statements.Select((s, i) => Statement(name, s as JsonObject ?? throw Malformed(name, $"statement {i + 1} is not an object"), i, kind)).ToList(), json);
    }

    private static PolicyStatement Statement(string name, JsonObject s, int index, PolicyKind kind)
    {
        var label = s["Sid"] is { } sid ? Text(sid) : "#" + (index + 1).ToString(CultureInfo.InvariantCulture);
        if (s["Sid"] is not null && !label.All(char.IsAsciiLetterOrDigit))
        {
            // "The Sid element supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)."
            throw Malformed(name, $"Statement IDs (SID) must be alpha-numeric: {label}");
        }

        foreach (var key in s.Select(p => p.Key).Where(k => !StatementElements.Contains(k)))
        {
            throw Malformed(name, $"Syntax errors in policy: statement {label} has unknown element {key}");
        }

        var effect = s["Effect"] is { } e ? Text(e) : throw Malformed(name, $"statement {label} has no Effect");
        if (effect is not ("Allow" or "Deny"))
        {
            throw Malformed(name, $"statement {label}: Effect must be Allow or Deny, not {effect}");
        }

        var (actions, notAction) = OneOf(name, label, s, "Action", "NotAction");
        var statement = new PolicyStatement
        {
            Label = label,
            Allow = effect == "Allow",
            Actions = actions.Select(a => ValidAction(name, label, a)).ToList(),
            NotAction = notAction,
            Conditions = Conditions(name, label, s["Condition"]),
        };
        if (kind == PolicyKind.Identity)
        {
            if (s.ContainsKey("Principal") || s.ContainsKey("NotPrincipal"))
            {
                throw Malformed(name, $"Policy document should not specify a principal (statement {label})");
            }

            var (resources, notResource) = OneOf(name, label, s, "Resource", "NotResource");
            if (resources.Any(r => r.Contains("${", StringComparison.Ordinal)))
            {
                throw Malformed(name, $"statement {label}: policy variables (${{…}}) are not evaluated by the emulator");
            }

            return new PolicyStatement
            {
                Label = label, Allow = statement.Allow, Actions = statement.Actions, NotAction = notAction, Conditions = statement.Conditions,
                Resources = resources, NotResource = notResource,
            };
        }

        if (s.ContainsKey("Resource") || s.ContainsKey("NotResource"))
        {
            throw Malformed(name, $"Has prohibited field Resource (statement {label} of a trust policy)");
        }

        var notPrincipal = s.ContainsKey("NotPrincipal");
        var principal = (notPrincipal ? s["NotPrincipal"] : s["Principal"]) ?? throw Malformed(name, $"statement {label} of a trust policy has no Principal");
        return new PolicyStatement
        {
            Label = label, Allow = statement.Allow, Actions = statement.Actions, NotAction = notAction, Conditions = statement.Conditions,
            Principals = Principals(name, label, principal), NotPrincipal = notPrincipal,
        };
    }

    private static (IReadOnlyList<string> Values, bool Not) OneOf(string name, string label, JsonObject s, string element, string negated)
    {
        var has = s.ContainsKey(element);
        if (has == s.ContainsKey(negated))
        {
            throw Malformed(name, $"statement {label} needs exactly one of {element} and {negated}");
        }

        var values = Strings(s[has ? element : negated]);
        return values.Count == 0 ? throw Malformed(name, $"statement {label}: {(has ? element : negated)} is empty") : (values, !has);
    }

    private static string ValidAction(string name, string label, string action) =>
        action == "*" || (action.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && colon < action.Length - 1)
            ? action
            : throw Malformed(name, $"Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. (statement {label}: {action})");

    private static Dictionary<string, IReadOnlyList<string>> Principals(string name, string label, JsonNode principal)
    {
        if (principal is JsonValue value && Text(value) == "*")
        {
            return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["*"] = ["*"] };
        }

        var map = principal as JsonObject ?? throw Malformed(name, $"statement {label}: Principal must be \"*\" or an object");
        foreach (var type in map.Select(p => p.Key).Where(k => k is not ("AWS" or "Federated" or "Service" or "CanonicalUser")))
        {
            throw Malformed(name, $"statement {label}: Invalid principal type {type}");
        }

        return map.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)Strings(p.Value), StringComparer.Ordinal);
    }

    private static List<PolicyCondition> Conditions(string name, string label, JsonNode? block)
    {
        if (block is null)
        {
            return [];
        }

        var conditions = new List<PolicyCondition>();
        foreach (var (operatorText, keys) in block as JsonObject ?? throw Malformed(name, $"statement {label}: Condition is not an object"))
        {
            ConditionOperator parsed;
            try
            {
                parsed = ConditionOperator.Parse(operatorText);
            }
            catch (InvalidDataException e)
            {
                throw Malformed(name, $"statement {label}: {e.Message}");
            }

            foreach (var (key, values) in keys as JsonObject ?? throw Malformed(name, $"statement {label}: Condition {operatorText} is not an object"))
            {
                if (key.Contains("${", StringComparison.Ordinal) || Strings(values).Any(v => v.Contains("${", StringComparison.Ordinal)))
                {
                    throw Malformed(name, $"statement {label}: policy variables (${{…}}) are not evaluated by the emulator");
                }

                conditions.Add(new PolicyCondition(parsed, key, Strings(values)));
            }
        }

        return conditions;
    }

    private static List<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray list => list.Select(v => v is null ? string.Empty : Text(v)).ToList(),
        _ => [Text(node)],
    };

    private static string Text(JsonNode node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();

    private static InvalidDataException Malformed(string name, string problem) => new($"MalformedPolicyDocument in {name}: {problem}");
}
