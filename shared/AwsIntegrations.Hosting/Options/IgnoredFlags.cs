namespace AwsIntegrations.Hosting.Options;

/// <summary>
/// Flags of the tool a service replaces that it accepts but does not act on, so that tool's manifests keep working:
/// their help text starts with a prefix ("external-dns's; ignored: ") followed by why. <see cref="Given"/> names those a
/// user gave, for the one warning at start.
/// </summary>
public static class IgnoredFlags
{
    public static IReadOnlyList<(string Flag, string Reason)> Given(object group, string prefix)
    {
        ArgumentNullException.ThrowIfNull(group);
        var given = new List<(string, string)>();
        foreach (var flag in FlagDefinition.For(group.GetType()))
        {
            var value = flag.Property.GetValue(flag.Owner(group));
            var set = value is System.Collections.ICollection list ? list.Count > 0 : value is not null;
            if (set && flag.Attribute.Help.StartsWith(prefix, StringComparison.Ordinal))
            {
                given.Add(($"--{flag.Attribute.Name}", flag.Attribute.Help[prefix.Length..].TrimEnd('.')));
            }
        }

        return given;
    }

    /// <summary>"<paramref name="tool"/> flags accepted but ignored: --a (why); --b (why)", or nothing when none was given.</summary>
    public static IEnumerable<string> Warning(string tool, object group, string prefix)
    {
        var given = Given(group, prefix);
        return given.Count == 0 ? [] : [$"{tool} flags accepted but ignored: {string.Join("; ", given.Select(i => $"{i.Flag} ({i.Reason})"))}"];
    }
}
