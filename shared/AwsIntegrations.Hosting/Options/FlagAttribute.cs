namespace AwsIntegrations.Hosting.Options;

/// <summary>
/// Marks an options property as a command-line flag (<c>--name value</c> or <c>--name=value</c>),
/// also readable from an environment variable (by default the flag name in upper snake case).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class FlagAttribute(string name, string help) : Attribute
{
    public string Name { get; } = name;

    public string Help { get; } = help;

    /// <summary>Environment variable to read when the flag is absent; default: NAME_IN_UPPER_SNAKE_CASE.</summary>
    public string? Env { get; init; }

    /// <summary>Older spellings accepted for compatibility with the replaced tool's DaemonSet args (kube2iam's, nidhogg's).</summary>
    public string[] Aliases { get; init; } = [];

    public string EnvironmentVariable => Env ?? Name.Replace('-', '_').ToUpperInvariant();
}
