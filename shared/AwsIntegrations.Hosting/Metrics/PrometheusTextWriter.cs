using System.Globalization;
using System.Text;

namespace AwsIntegrations.Hosting.Metrics;

/// <summary>Writes the Prometheus text exposition format, version 0.0.4.</summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(MetricsCollector collector)
    {
        var text = new StringBuilder();
        // Several instruments may share a name (one per loop, per client instance): they form one family with one HELP and TYPE.
        foreach (var family in collector.Snapshot().GroupBy(ExportedName, StringComparer.Ordinal))
        {
            WriteFamily(text, family.Key, family.ToList());
        }

        return text.ToString();
    }

    private static string ExportedName(InstrumentState state)
    {
        var name = SanitizeName(state.Instrument.Name);
        return state.Kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    private static void WriteFamily(StringBuilder text, string name, List<InstrumentState> states)
    {
        var kind = states[0].Kind;
        var series = states.Where(s => s.Kind == kind).SelectMany(s => s.Series)
            .GroupBy(s => LabelText(s.Labels, null), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (series.Count == 0)
        {
            return;
        }

        var help = states.Select(s => s.Instrument.Description).FirstOrDefault(d => !string.IsNullOrEmpty(d)) ?? name;
        text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(kind switch
        {
            MetricKind.Counter => "counter",
            MetricKind.Histogram => "histogram",
            _ => "gauge",
        }).Append('\n');

        foreach (var sameLabels in series)
        {
            var labels = sameLabels.First().Labels;
            if (kind == MetricKind.Histogram)
            {
                WriteHistogram(text, name, labels, sameLabels.ToList());
            }
            else
            {
                // Identical label sets from two instruments: counters add up; for gauges the last instrument wins.
                var value = kind == MetricKind.Counter ? sameLabels.Sum(s => s.Value) : sameLabels.Last().Value;
                text.Append(name).Append(LabelText(labels, null)).Append(' ').Append(FormatNumber(value)).Append('\n');
            }
        }
    }

    private static void WriteHistogram(StringBuilder text, string name, KeyValuePair<string, string>[] labels, List<MetricSeries> parts)
    {
        var bounds = parts[0].BucketBounds!;
        var cumulative = new long[bounds.Length + 1];
        double sum = 0;
        foreach (var part in parts.Where(p => p.BucketBounds!.SequenceEqual(bounds)))
        {
            var counts = part.CumulativeBuckets();
            for (var i = 0; i < cumulative.Length; i++)
            {
                cumulative[i] += counts[i];
            }

            sum += part.Value;
        }

        for (var i = 0; i < cumulative.Length; i++)
        {
            var bound = i < bounds.Length ? FormatNumber(bounds[i]) : "+Inf";
            text.Append(name).Append("_bucket").Append(LabelText(labels, bound)).Append(' ')
                .Append(cumulative[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append(name).Append("_sum").Append(LabelText(labels, null)).Append(' ').Append(FormatNumber(sum)).Append('\n');
        text.Append(name).Append("_count").Append(LabelText(labels, null)).Append(' ')
            .Append(cumulative[^1].ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string LabelText(KeyValuePair<string, string>[] labels, string? le)
    {
        if (labels.Length == 0 && le is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in labels)
        {
            if (key == "le" && le is not null)
            {
                continue;
            }

            text.Append(first ? string.Empty : ",").Append(SanitizeName(key)).Append("=\"").Append(EscapeLabelValue(value)).Append('"');
            first = false;
        }

        if (le is not null)
        {
            text.Append(first ? string.Empty : ",").Append("le=\"").Append(le).Append('"');
        }

        return text.Append('}').ToString();
    }

    internal static string SanitizeName(string name)
    {
        var text = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var valid = char.IsAsciiLetter(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c));
            text.Append(valid ? c : '_');
        }

        return text.Length == 0 ? "_" : text.ToString();
    }

    internal static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    internal static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ when value == Math.Floor(value) && Math.Abs(value) < 1e15 => ((long)value).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
