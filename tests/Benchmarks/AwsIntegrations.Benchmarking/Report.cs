using System.Globalization;

namespace AwsIntegrations.Benchmarking;

/// <summary>Small pieces of a benchmark's Markdown output besides tables: paragraphs and "n× fewer" ratios.</summary>
public static class Report
{
    /// <summary>A paragraph saying what was measured and how, followed by the blank line Markdown needs before a table.</summary>
    public static void Paragraph(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Console.WriteLine(FormattableString.Invariant(text));
        Console.WriteLine();
    }

    /// <summary>"59.2× fewer": how many times fewer calls (or bytes, ...) ours makes than the reference.</summary>
    public static string Fewer(double ours, double reference) =>
        ours <= 0
            ? reference <= 0 ? "both make none" : "ours makes none"
            : string.Create(CultureInfo.InvariantCulture, $"{reference / ours:0.#}× fewer");
}
