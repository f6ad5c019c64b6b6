using System.Globalization;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>
/// The peak resident memory of one pass in a long-lived process: before the pass, a full compacting collection gives memory back
/// to the OS and the kernel's high-water mark is reset (<c>/proc/self/clear_refs</c>, "5"); after it, the mark is read.
/// </summary>
internal static class PassMemory
{
    public static double ResetMib()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        File.WriteAllText("/proc/self/clear_refs", "5");
        return Read("VmRSS");
    }

    public static double PeakMib() => Read("VmHWM");

    private static double Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var kib = double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024;
    }
}
