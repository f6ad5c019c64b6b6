using System.Globalization;

namespace Router.Benchmarks.Sides;

/// <summary>Reads figures out of the Prometheus text format the Router exports.</summary>
public static class PrometheusText
{
    /// <summary>The sum over every series of a metric family; 0 when the family has no series yet.</summary>
    public static double Sum(string text, string name)
    {
        var total = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
            {
                total += double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }
}
