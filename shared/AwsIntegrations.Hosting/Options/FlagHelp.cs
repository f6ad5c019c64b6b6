using System.Text;

namespace AwsIntegrations.Hosting.Options;

/// <summary>Renders the flags of an options class for --help and for the README (so the docs never drift from the code).</summary>
public static class FlagHelp
{
    public static string Text(string service, object defaults)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {service} [flags]");
        text.AppendLine();
        text.AppendLine("Flags (each also read from the environment variable shown):");
        foreach (var flag in FlagDefinition.For(defaults.GetType()))
        {
            var name = flag.IsBoolean ? $"--{flag.Name}" : $"--{flag.Name} value";
            text.AppendLine($"  {name,-40} {flag.Attribute.Help}");
            var defaultText = flag.DefaultText(defaults);
            text.AppendLine($"  {string.Empty,-40} env {flag.Attribute.EnvironmentVariable}{(string.IsNullOrEmpty(defaultText) ? string.Empty : $", default {defaultText}")}");
        }

        return text.ToString();
    }

    public static string Markdown(object defaults)
    {
        var text = new StringBuilder();
        text.AppendLine("| flag | env | default | meaning |");
        text.AppendLine("|---|---|---|---|");
        foreach (var flag in FlagDefinition.For(defaults.GetType()))
        {
            var defaultText = flag.DefaultText(defaults);
            text.AppendLine($"| `--{flag.Name}` | `{flag.Attribute.EnvironmentVariable}` | {(string.IsNullOrEmpty(defaultText) ? string.Empty : $"`{defaultText}`")} | {flag.Attribute.Help.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        return text.ToString();
    }
}
