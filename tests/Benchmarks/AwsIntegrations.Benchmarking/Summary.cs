namespace AwsIntegrations.Benchmarking;

/// <summary>
/// The headline figures of a benchmark, one line each: <c>SUMMARY|benchmark|figure|ours|reference|ratio or goal</c>.
/// tests/Benchmarks/run.sh collects them into the summary tables of RESULTS.md and the README.
/// </summary>
public static class Summary
{
    public static void Print(string benchmark, string figure, string ours, string reference, string ratioOrGoal)
    {
        Console.WriteLine($"SUMMARY|{Clean(benchmark)}|{Clean(figure)}|{Clean(ours)}|{Clean(reference)}|{Clean(ratioOrGoal)}");
    }

    private static string Clean(string cell) => cell.Replace("|", "/", StringComparison.Ordinal).Replace('\n', ' ');
}
