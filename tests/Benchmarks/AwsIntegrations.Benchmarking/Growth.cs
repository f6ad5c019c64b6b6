using System.Globalization;

namespace AwsIntegrations.Benchmarking;

/// <summary>
/// How a cost grows along a scale series: for each step, the ratio of the cost to the previous size's cost beside the ratio of
/// the sizes. A cost ratio well above the size ratio is worse than linear and stands out.
/// </summary>
public static class Growth
{
    public static IReadOnlyList<string> Ratios(IReadOnlyList<int> sizes, IReadOnlyList<double> costs)
    {
        var ratios = new List<string>(sizes.Count) { "—" };
        for (var i = 1; i < sizes.Count; i++)
        {
            var sizeRatio = (double)sizes[i] / sizes[i - 1];
            var costRatio = costs[i] / costs[i - 1];
            var verdict = costRatio > sizeRatio * 1.5 ? " worse than linear" : "";
            ratios.Add(string.Create(CultureInfo.InvariantCulture, $"×{costRatio:0.##} for ×{sizeRatio:0.#} size{verdict}"));
        }

        return ratios;
    }

    /// <summary>A Markdown table of one series: size, cost with spread, growth from the previous size.</summary>
    public static MarkdownTable Table(string sizeName, string costName, IReadOnlyList<int> sizes, IReadOnlyList<Measurement> costs, string format = "N0", string unit = "")
    {
        var ratios = Ratios(sizes, costs.Select(c => c.Median).ToArray());
        var table = new MarkdownTable(sizeName, costName, "growth");
        for (var i = 0; i < sizes.Count; i++)
        {
            table.Add(sizes[i].ToString("N0", CultureInfo.InvariantCulture), costs[i].Format(format, unit), ratios[i]);
        }

        return table;
    }
}
