using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AwsIntegrations.NodeGate.Options;

/// <summary>
/// Reads nidhogg's config shape (YAML or JSON): <c>daemonsets: [{name: kube-proxy, namespace: kube-system}]</c>.
/// Every problem is a <see cref="FormatException"/> that names the entry, so a bad file stops the start with a clear message.
/// </summary>
public static class DaemonSetListFile
{
    public static IReadOnlyList<DaemonSetReference> Load(string path)
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

    public static IReadOnlyList<DaemonSetReference> Parse(string text)
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
            || !root.Children.TryGetValue(new YamlScalarNode("daemonsets"), out var list))
        {
            throw new FormatException("expected a top-level 'daemonsets' list");
        }

        if (list is not YamlSequenceNode entries)
        {
            throw new FormatException("'daemonsets' must be a list of {namespace, name}");
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

    private static string Field(YamlNode entry, string name, int index) =>
        entry is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(name), out var value)
            && value is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw new FormatException($"daemonsets[{index}] needs a non-empty '{name}'");
}
