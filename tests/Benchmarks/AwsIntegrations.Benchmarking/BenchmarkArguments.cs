using System.Globalization;

namespace AwsIntegrations.Benchmarking;

/// <summary>
/// The command line of a benchmark: <c>--quick</c> (smaller sizes and shorter runs, the mode <c>run.sh all --quick</c> uses) and
/// <c>--name value</c> pairs that override a default chosen per mode.
/// </summary>
public sealed class BenchmarkArguments
{
    private readonly string[] _args;

    public BenchmarkArguments(string[] args)
    {
        _args = args;
        Quick = args.Contains("--quick");
    }

    public bool Quick { get; }

    public bool Has(string name) => _args.Contains(name);

    public string Text(string name, string full, string? quick = null)
    {
        var at = Array.IndexOf(_args, name);
        if (at >= 0 && at + 1 < _args.Length)
        {
            return _args[at + 1];
        }

        return Quick && quick is not null ? quick : full;
    }

    public int Number(string name, int full, int? quick = null)
    {
        var text = Text(name, full.ToString(CultureInfo.InvariantCulture), quick?.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} must be a whole number, not '{text}'");
    }

    public IReadOnlyList<int> Numbers(string name, IReadOnlyList<int> full, IReadOnlyList<int>? quick = null)
    {
        var fallback = Quick && quick is not null ? quick : full;
        var text = Text(name, string.Join(',', fallback.Select(n => n.ToString(CultureInfo.InvariantCulture))));
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"{name} must be a comma-separated list of whole numbers, not '{text}'"))
            .ToArray();
    }
}
