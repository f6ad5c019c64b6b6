using System.Globalization;
using AwsIntegrations.NodeGate.Gate;
using AwsIntegrations.NodeGate.Scheduling;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AwsIntegrations.NodeGate.Options;

/// <summary>
/// Reads nidhogg's config file (YAML or JSON; uswitch/nidhogg and pelotech/nidhogg pkg/nidhogg/decoder.go GetConfig and
/// handler.go HandlerConfig): <c>daemonsets</c>, <c>nodeSelector</c>, and the fork's <c>taintNamePrefix</c>,
/// <c>taintRemovalDelayInSeconds</c> and <c>taintEffect</c>. Every problem is a <see cref="FormatException"/> that names the
/// entry, so a bad file stops the start with a clear message.
/// </summary>
public static class NidhoggConfigFile
{
    private const string DaemonSetsKey = "daemonsets";
    private const string NodeSelectorKey = "nodeSelector";
    private const string TaintNamePrefixKey = "taintNamePrefix";
    private const string TaintRemovalDelayKey = "taintRemovalDelayInSeconds";
    private const string TaintEffectKey = "taintEffect";

    public static NidhoggConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"cannot read it: {e.Message}", e);
        }

        return Parse(text);
    }

    public static NidhoggConfig Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"not valid YAML or JSON: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode(DaemonSetsKey), out var list))
        {
            throw new FormatException($"expected a top-level '{DaemonSetsKey}' list");
        }

        var ignored = new List<string>();
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""))
        {
            if (key == TaintEffectKey)
            {
                ignored.Add($"'{TaintEffectKey}' is not used: NodeGate never adds taints, and removes nidhogg's whatever their effect");
            }
            else if (key is not (DaemonSetsKey or NodeSelectorKey or TaintNamePrefixKey or TaintRemovalDelayKey))
            {
                ignored.Add($"'{key}' is not a setting NodeGate knows (daemonsets, nodeSelector, taintNamePrefix, taintRemovalDelayInSeconds)");
            }
        }

        return new NidhoggConfig(
            DaemonSets(list),
            root.Children.TryGetValue(new YamlScalarNode(NodeSelectorKey), out var selector) ? NodeSelector(selector) : null,
            Scalar(root, TaintNamePrefixKey) is { Length: > 0 } prefix ? Prefix(prefix) : GateTaints.NidhoggDefaultPrefix,
            Scalar(root, TaintRemovalDelayKey) is { Length: > 0 } delay ? Delay(delay) : TimeSpan.Zero,
            ignored);
    }

    private static List<DaemonSetReference> DaemonSets(YamlNode list)
    {
        if (list is not YamlSequenceNode entries)
        {
            throw new FormatException($"'{DaemonSetsKey}' must be a list of {{namespace, name}}");
        }

        var result = new List<DaemonSetReference>();
        foreach (var (entry, index) in entries.Children.Select((e, i) => (e, i)))
        {
            var reference = new DaemonSetReference(Field(entry, "namespace", index), Field(entry, "name", index));
            if (!result.Contains(reference))
            {
                result.Add(reference);
            }
        }

        return result;
    }

    /// <summary>
    /// A list of label-selector expressions, all of which must hold (uswitch handler.go BuildSelectors adds every entry's
    /// requirements to one selector). Also the forms nidhogg's READMEs show: one expression as a plain string (the uswitch
    /// YAML example, <c>nodeSelector: node-role.kubernetes.io/node</c>) and the map of labels from before uswitch PR #26.
    /// </summary>
    private static LabelSelector NodeSelector(YamlNode node)
    {
        IEnumerable<(string Text, string Where)> expressions = node switch
        {
            YamlScalarNode scalar => [(scalar.Value ?? "", NodeSelectorKey)],
            YamlSequenceNode sequence => sequence.Children.Select((e, i) => (e is YamlScalarNode s ? s.Value ?? "" : throw new FormatException($"{NodeSelectorKey}[{i}] must be a label selector string"), $"{NodeSelectorKey}[{i}]")),
            YamlMappingNode map => map.Children.Select(p => ($"{(p.Key as YamlScalarNode)?.Value}={(p.Value as YamlScalarNode)?.Value}", $"{NodeSelectorKey}.{(p.Key as YamlScalarNode)?.Value}")),
            _ => throw new FormatException($"'{NodeSelectorKey}' must be a list of label selectors"),
        };
        var selectors = new List<LabelSelector>();
        foreach (var (text, where) in expressions)
        {
            try
            {
                selectors.Add(LabelSelector.Parse(text));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{where}: {e.Message}", e);
            }
        }

        return LabelSelector.AllOf(selectors);
    }

    private static string Prefix(string prefix) =>
        prefix.Length <= 253 && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
            ? prefix
            : throw new FormatException($"{TaintNamePrefixKey} '{prefix}' must be a DNS subdomain (the part of a taint key before '/')");

    /// <summary>An int in nidhogg (pelotech handler.go TaintRemovalDelayInSeconds); 0 or less: no delay, as time.Sleep does.</summary>
    private static TimeSpan Delay(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Max(0, seconds))
            : throw new FormatException($"{TaintRemovalDelayKey} '{text}' must be a whole number of seconds");

    private static string? Scalar(YamlMappingNode root, string key) =>
        !root.Children.TryGetValue(new YamlScalarNode(key), out var value) ? null
        : value is YamlScalarNode scalar ? scalar.Value?.Trim()
        : throw new FormatException($"'{key}' must be a single value");

    private static string Field(YamlNode entry, string name, int index) =>
        entry is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(name), out var value)
            && value is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw new FormatException($"{DaemonSetsKey}[{index}] needs a non-empty '{name}'");
}
