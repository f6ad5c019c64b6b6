using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>ELBv2 tags on load balancers, target groups and listeners (at most 20 ARNs per call, 50 tags per resource).</summary>
public static class ElbV2Tags
{
    public static object?[]? Handle(AwsCall call, AwsState state) => call.Operation switch
    {
        "DescribeTags" => Describe(call, state),
        "AddTags" => Add(call, state),
        "RemoveTags" => Remove(call, state),
        _ => null,
    };

    public static Dictionary<string, string> TagsOf(AwsCall call, string prefix)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in call.Items(prefix))
        {
            var key = call.RequiredParam(p + "Key");
            if (!tags.TryAdd(key, call.Param(p + "Value") ?? string.Empty))
            {
                throw new AwsFault("DuplicateTagKeys", $"Tag key '{key}' is specified more than once");
            }
        }

        return tags;
    }

    private static object?[] Describe(AwsCall call, AwsState state)
    {
        var arns = Arns(call, state);
        return [QueryXml.List("TagDescriptions", "member", arns, arn => new object[]
        {
            new XElement("ResourceArn", arn),
            QueryXml.List("Tags", "member", state.ElbTags.GetValueOrDefault(arn) ?? [], t => new object[] { new XElement("Key", t.Key), new XElement("Value", t.Value) }),
        })];
    }

    private static object?[] Add(AwsCall call, AwsState state)
    {
        var tags = TagsOf(call, "Tags.member");
        foreach (var arn in Arns(call, state))
        {
            var current = state.ElbTags.TryGetValue(arn, out var existing) ? existing : state.ElbTags[arn] = new Dictionary<string, string>(StringComparer.Ordinal);
            if (current.Keys.Union(tags.Keys).Count() > 50)
            {
                throw new AwsFault("TooManyTags", $"Resource '{arn}' would have more than 50 tags");
            }

            foreach (var (key, value) in tags)
            {
                current[key] = value;
            }
        }

        return [];
    }

    private static object?[] Remove(AwsCall call, AwsState state)
    {
        var keys = call.List("TagKeys.member");
        foreach (var arn in Arns(call, state))
        {
            foreach (var key in keys)
            {
                state.ElbTags.GetValueOrDefault(arn)?.Remove(key);
            }
        }

        return [];
    }

    private static List<string> Arns(AwsCall call, AwsState state)
    {
        var arns = call.List("ResourceArns.member");
        if (arns.Count is 0 or > 20)
        {
            throw new AwsFault("ValidationError", "1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length between 1 and 20");
        }

        foreach (var arn in arns)
        {
            var known = arn.Contains(":loadbalancer/", StringComparison.Ordinal) ? state.LoadBalancers.Any(l => l.Arn == arn)
                : arn.Contains(":targetgroup/", StringComparison.Ordinal) ? state.TargetGroups.Any(t => t.Arn == arn)
                : state.Listeners.Any(l => l.Arn == arn);
            if (!known)
            {
                var code = arn.Contains(":targetgroup/", StringComparison.Ordinal) ? "TargetGroupNotFound"
                    : arn.Contains(":listener/", StringComparison.Ordinal) ? "ListenerNotFound" : "LoadBalancerNotFound";
                throw new AwsFault(code, $"'{arn}' not found");
            }
        }

        return arns;
    }
}
