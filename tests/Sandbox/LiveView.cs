namespace AwsIntegrations.Sandbox;

/// <summary>Prints each service's observation when it changes, so the terminal follows what the suite (and the user) does.</summary>
public sealed class LiveView
{
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);

    public void Show(IEnumerable<Observation> observations)
    {
        foreach (var observation in observations)
        {
            var line = $"{(observation.Done ? "✔" : "…")} {observation.Service,-18} {observation.Text}";
            if (_shown.GetValueOrDefault(observation.Service) != line)
            {
                _shown[observation.Service] = line;
                Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
            }
        }
    }
}
