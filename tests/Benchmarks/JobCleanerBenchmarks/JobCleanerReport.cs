using System.Globalization;
using AwsIntegrations.Benchmarking;
using static AwsIntegrations.Benchmarks.JobCleaner.Driver;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>The Markdown tables (time, memory, growth) and the SUMMARY lines of the sizes measured.</summary>
internal static class JobCleanerReport
{
    public static void Print(IReadOnlyList<SizeResult> results, int namespaces, bool quick)
    {
        Console.WriteLine();
        Console.WriteLine("### JobCleaner: seconds per pass");
        Console.WriteLine();
        Console.WriteLine($"N Jobs, each with one pod, in {namespaces:N0} namespaces of the Kubernetes emulator (its own process): 100 finished two hours ago "
            + "(due; "
            + (quick ? "10 at the largest size in quick mode, to keep the emulator's deletes short; " : "") + "see the first pass), 9% running, the rest finished within the hour. Three measuring processes, each kept warm: the cleaner's own pass "
            + "(kube-job-cleaner's defaults: one hour; pages of 500), the same pass with `--delete-orphan-pods`, and the reference, kube-job-cleaner's "
            + "read: every Job in one unpaged list held in memory. The first pass of the cleaner deletes the due Jobs (its time is mostly the emulator's: each delete "
            + "scans every object for dependents); the steady passes that follow find nothing due. The three take turns, rotated round by round, after a warm-up pass each; median (min–max) over the rounds"
            + (results.Select(r => r.Rounds).Distinct().Count() > 1 ? "; the rounds column says how many each size ran." : "."));
        Console.WriteLine();
        var time = new MarkdownTable("Jobs", "rounds", "first pass (deletes the due Jobs)", "steady pass", "steady pass + orphan-pod sweep", "unpaged list (reference)", "steady pass ÷ unpaged list");
        foreach (var r in results)
        {
            time.Add(N(r.Jobs), $"{r.Rounds}", $"{r.First.Seconds:0.000} s ({r.First.Deleted} deleted)", r.Seconds(Cleaner).Format("0.000", " s"),
                r.Seconds(Orphans).Format("0.000", " s"), r.Seconds(Unpaged).Format("0.000", " s"), r.Ratio(Cleaner, p => p.Seconds).Format("0.00", "×"));
        }

        time.Print();
        Console.WriteLine();
        Console.WriteLine("### JobCleaner: peak memory per pass");
        Console.WriteLine();
        Console.WriteLine("Peak resident memory (RSS) of each measuring process during one pass: before each pass a full compacting collection "
            + "runs and the kernel's high-water mark is reset (`/proc/self/clear_refs`), so each pass has its own peak — what a long-running "
            + "cleaner occupies while it runs a pass (its runtime, its client and what the pass holds).");
        Console.WriteLine();
        var memory = new MarkdownTable("Jobs", "cleaner", "cleaner + orphan sweep", "unpaged list (reference)", "cleaner ÷ unpaged list");
        foreach (var r in results)
        {
            memory.Add(N(r.Jobs), r.PeakMib(Cleaner).Format("N0", " MiB"), r.PeakMib(Orphans).Format("N0", " MiB"), r.PeakMib(Unpaged).Format("N0", " MiB"),
                r.Ratio(Cleaner, p => p.PeakMib).Format("0.00", "×"));
        }

        memory.Print();
        var sizes = results.Select(r => r.Jobs).ToArray();
        Growth.Table("Jobs", "steady pass", sizes, results.Select(r => r.Seconds(Cleaner)).ToArray(), "0.000", " s").Print("Growth: steady pass time");
        Growth.Table("Jobs", "steady pass + orphan sweep", sizes, results.Select(r => r.Seconds(Orphans)).ToArray(), "0.000", " s").Print("Growth: pass time with the orphan-pod sweep");
        Growth.Table("Jobs", "unpaged list (reference)", sizes, results.Select(r => r.Seconds(Unpaged)).ToArray(), "0.000", " s").Print("Growth: unpaged list time (reference)");
        Growth.Table("Jobs", "cleaner peak", sizes, results.Select(r => r.PeakMib(Cleaner)).ToArray(), "N0", " MiB").Print("Growth: cleaner peak memory per pass");
        Growth.Table("Jobs", "unpaged list peak", sizes, results.Select(r => r.PeakMib(Unpaged)).ToArray(), "N0", " MiB").Print("Growth: unpaged list peak memory (reference)");
        PrintSummary(results);
    }

    private static void PrintSummary(IReadOnlyList<SizeResult> results)
    {
        var (smallest, largest) = (results[0], results[^1]);
        Summary.Print("jobcleaner", $"steady pass at {N(largest.Jobs)} Jobs (s)", largest.Seconds(Cleaner).Format("0.00"),
            $"unpaged list {largest.Seconds(Unpaged).Format("0.00")}", largest.Ratio(Cleaner, p => p.Seconds).Format("0.00", "×"));
        Summary.Print("jobcleaner", $"first pass at {N(largest.Jobs)} Jobs, deletes {largest.First.Deleted} (s)", largest.First.Seconds.ToString("0.00", CultureInfo.InvariantCulture), "—", "—");
        var growth = largest.PeakMib(Cleaner).Median / smallest.PeakMib(Cleaner).Median;
        var sizeRatio = (double)largest.Jobs / smallest.Jobs;
        Summary.Print("jobcleaner", $"peak memory of a pass at {N(largest.Jobs)} Jobs (MiB)", largest.PeakMib(Cleaner).Format("N0"),
            $"unpaged list {largest.PeakMib(Unpaged).Format("N0")}",
            string.Create(CultureInfo.InvariantCulture, $"{largest.Ratio(Cleaner, p => p.PeakMib).Median:0.00}× (goal: bounded by paging; ×{growth:0.0} for ×{sizeRatio:0} Jobs: {(results.Count < 2 ? "one size, cannot tell" : growth < sizeRatio / 10 ? "met" : "not met")})"));
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
