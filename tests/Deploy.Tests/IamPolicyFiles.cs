using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Deploy.Tests;

/// <summary>
/// The IAM policy documents of deploy/overlays/example/iam, parsed as IAM parses them: *-trust-policy.json are trust
/// policies, the others permissions policies; a policy is named after its file (without .json), as the emulator records it.
/// </summary>
public static class IamPolicyFiles
{
    public const string Folder = "deploy/overlays/example/iam";

    public static IReadOnlyList<PolicyDocument> All() =>
        Directory.GetFiles(Repository.PathOf(Folder), "*.json").Order(StringComparer.Ordinal).Select(f => Load(Path.GetFileNameWithoutExtension(f))).ToList();

    /// <summary>One policy; the replacements re-target it at another account or cluster (the sandbox's).</summary>
    public static PolicyDocument Load(string name, IReadOnlyDictionary<string, string>? replacements = null)
    {
        var json = (replacements ?? new Dictionary<string, string>()).Aggregate(
            File.ReadAllText(Repository.PathOf($"{Folder}/{name}.json")), (text, r) => text.Replace(r.Key, r.Value, StringComparison.Ordinal));
        return PolicyDocument.Parse(name, json, name.EndsWith("-trust-policy", StringComparison.Ordinal) ? PolicyKind.Trust : PolicyKind.Identity);
    }
}
