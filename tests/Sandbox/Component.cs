namespace AwsIntegrations.Sandbox;

/// <summary>One process of the sandbox: a service or an emulator, started from its normal entry point with its real flags.</summary>
public sealed record Component(
    string Name,
    string Project,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    Uri ReadinessUrl)
{
    /// <summary>Whether this checkout has the component (services land one by one; the sandbox runs what exists).</summary>
    public bool ExistsIn(string root) => File.Exists(Path.Combine(root, Project));

    /// <summary>The built assembly, e.g. services/Router/bin/Debug/net10.0/Router.dll.</summary>
    public string AssemblyPath(string root, string configuration)
    {
        var name = Path.GetFileNameWithoutExtension(Project);
        return Path.Combine(root, Path.GetDirectoryName(Project)!, "bin", configuration, "net10.0", name + ".dll");
    }
}
