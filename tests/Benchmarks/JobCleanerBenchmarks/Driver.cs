using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>
/// Per size: an emulator seeded with the Jobs, then three measuring processes (the cleaner, the cleaner with the orphan-pod
/// sweep, the unpaged reference) driven pass by pass, rotated round by round; then the tables and the SUMMARY lines.
/// </summary>
internal static class Driver
{
    public const string Cleaner = "cleaner";
    public const string Orphans = "orphans";
    public const string Unpaged = "unpaged";

    public static async Task<SizeResult> MeasureAsync(int size, int namespaces, int rounds, int due)
    {
        using var emulator = Worker.Start("emulator", "--jobs", $"{size}", "--namespaces", $"{namespaces}", "--due", $"{due}");
        var port = await emulator.ReadUntilAsync("listening ");
        using var cleaner = Worker.Start("worker", "--kind", Cleaner, "--port", port);
        using var orphans = Worker.Start("worker", "--kind", Orphans, "--port", port);
        using var unpaged = Worker.Start("worker", "--kind", Unpaged, "--port", port);
        var first = await cleaner.PassAsync();
        await orphans.PassAsync(); // warm-up of the other two processes, not counted
        await unpaged.PassAsync();
        var sides = await Alternating.RunAsync(rounds, new (string, Func<int, Task<PassFigures>>)[]
        {
            (Cleaner, _ => cleaner.PassAsync()),
            (Orphans, _ => orphans.PassAsync()),
            (Unpaged, _ => unpaged.PassAsync()),
        });
        foreach (var steady in sides[Cleaner].Concat(sides[Orphans]).Where(p => p.Deleted > 0))
        {
            throw new InvalidOperationException($"a steady pass deleted {steady.Deleted} Jobs; only the first should");
        }

        return new SizeResult(size, rounds, first, sides);
    }
}
