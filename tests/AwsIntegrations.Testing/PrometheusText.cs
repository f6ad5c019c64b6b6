using System.Globalization;

namespace AwsIntegrations.Testing;

/// <summary>Reads figures out of a service's <c>/metrics</c> (the Prometheus text format 0.0.4).</summary>
public static class PrometheusText
{
    /// <summary>The sum over every series of the metric <paramref name="name"/>; 0 when it has no series yet.</summary>
    public static double Sum(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        return Samples(text, name).Sum();
    }

    /// <summary>The values of every series of the metric <paramref name="name"/> (not of names it is a prefix of).</summary>
    public static IEnumerable<double> Samples(string text, string name) =>
        text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is ' ' or '{')
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
}
