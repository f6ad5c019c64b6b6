using System.Globalization;

namespace AwsIntegrations.Benchmarking;

/// <summary>Repeated measurements of one figure: the median is the figure, min–max is the spread shown beside it.</summary>
public sealed class Measurement
{
    private readonly double[] _sorted;

    public Measurement(IEnumerable<double> values)
    {
        _sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
    }

    public int Count => _sorted.Length;

    public double Median => _sorted.Length == 0
        ? double.NaN
        : _sorted.Length % 2 == 1 ? _sorted[_sorted.Length / 2] : (_sorted[_sorted.Length / 2 - 1] + _sorted[_sorted.Length / 2]) / 2;

    public double Min => _sorted.Length == 0 ? double.NaN : _sorted[0];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>Nearest-rank percentile, p in [0, 1].</summary>
    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    /// <summary>"12,436 (11,902–12,610)": the median and, when repeated, the range it came from.</summary>
    public string Format(string format = "N0", string unit = "") =>
        _sorted.Length <= 1
            ? Number(Median, format) + unit
            : $"{Number(Median, format)}{unit} ({Number(Min, format)}–{Number(Max, format)})";

    public static Measurement Of(params double[] values) => new(values);

    private static string Number(double value, string format) =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
