using System.Globalization;

namespace AwsIntegrations.Benchmarking;

/// <summary>
/// Resident memory of this process (Linux): the peak of one phase of a long-lived process. <see cref="ResetPeak"/> runs a full
/// compacting collection (so memory goes back to the OS) and resets the kernel's high-water mark (<c>/proc/self/clear_refs</c>,
/// "5"); <see cref="PeakMib"/> then reads the mark, i.e. the highest RSS since the reset.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Collects, resets the peak; returns the RSS at that moment (MiB).</summary>
    public static double ResetPeak()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        File.WriteAllText("/proc/self/clear_refs", "5");
        return ResidentMib();
    }

    /// <summary>The highest RSS since the last <see cref="ResetPeak"/> (or since the process started), in MiB.</summary>
    public static double PeakMib() => Read("VmHWM");

    public static double ResidentMib() => Read("VmRSS");

    private static double Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }
}
