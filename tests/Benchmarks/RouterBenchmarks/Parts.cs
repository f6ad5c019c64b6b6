namespace AwsIntegrations.Benchmarks.Router;

/// <summary>Which parts to run: the one word on the command line that is neither a --flag nor a flag's value (default: all).</summary>
public static class Parts
{
    public static readonly string[] Known = ["http", "table", "rollout", "all"];

    public static string Select(IReadOnlyList<string> args)
    {
        var words = args.Where((arg, i) => !arg.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !TakesValue(args[i - 1]))).ToList();
        return words switch
        {
            [] => "all",
            [var word] when Known.Contains(word) => word,
            _ => throw new ArgumentException($"usage: run.sh [{string.Join('|', Known)}] [--quick] [--name value ...]; got '{string.Join(' ', words)}'"),
        };
    }

    private static bool TakesValue(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg != "--quick";
}
