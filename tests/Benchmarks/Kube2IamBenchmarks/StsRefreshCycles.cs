using System.Globalization;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Emulators.Aws;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;

namespace AwsIntegrations.Benchmarks.Kube2Iam;

/// <summary>
/// STS calls per pod, counted in the emulator's log of AssumeRole calls: per session (one per pod), the first call is the
/// prefetch and every later one a refresh; the time between two calls is how long a credential served before it was replaced.
/// </summary>
internal static class StsRefreshCycles
{
    public static Figures Measure(IReadOnlyList<RecordedCall> calls, TimeSpan lifetime, DateTimeOffset end)
    {
        var sessions = calls
            .Where(c => c.Succeeded)
            .Select(c => (Session: QueryHelpers.ParseQuery(c.RequestBody)["RoleSessionName"].ToString(), c.At, Expiration: Expiration(c.ResponseBody)))
            .GroupBy(c => c.Session)
            .Select(g => g.OrderBy(c => c.At).Select(c => (c.At, c.Expiration)).ToArray())
            .ToArray();
        var requested = calls.Select(c => QueryHelpers.ParseQuery(c.RequestBody)["DurationSeconds"].ToString()).Distinct().ToArray();
        var replacements = sessions.SelectMany(s => s.Zip(s.Skip(1), (old, next) => (Served: (next.At - old.At).TotalSeconds, Left: (old.Expiration - next.At).TotalSeconds))).ToArray();
        return new Figures(
            Pods: sessions.Length,
            Calls: sessions.Sum(s => s.Length),
            Refreshes: replacements.Length,
            ObservedPodSeconds: sessions.Sum(s => (end - s[0].At).TotalSeconds),
            Lifetime: lifetime,
            RequestedSeconds: requested.Length == 1 ? double.Parse(requested[0], CultureInfo.InvariantCulture) : double.NaN,
            ServedSeconds: new Measurement(replacements.Select(r => r.Served)),
            LeftAtReplacementSeconds: new Measurement(replacements.Select(r => r.Left)));
    }

    /// <summary>The Expiration STS put in its answer (to the second, as STS writes it).</summary>
    private static DateTimeOffset Expiration(string responseBody) =>
        DateTimeOffset.Parse(XDocument.Parse(responseBody).Descendants().First(e => e.Name.LocalName == "Expiration").Value, CultureInfo.InvariantCulture);

    public static void Print(Figures f)
    {
        Console.WriteLine();
        Console.WriteLine("### STS calls per pod per hour");
        Console.WriteLine();
        Console.WriteLine($"Counted in the emulator, not computed from the code: the emulator issued every credential for {f.Lifetime.TotalSeconds:N0} s (an emulator option: "
            + $"the daemon asked for DurationSeconds={f.RequestedSeconds:N0}, its shortest session, and real STS would honour that), so the daemon's "
            + "background refresh (a pass every 30 s) replaces credentials within seconds instead of minutes. The AssumeRole calls of every pod "
            + "of this run (load pods and fresh pods) were counted in the emulator, from each pod's first call (its prefetch) to the end of the run.");
        Console.WriteLine();
        var table = new MarkdownTable("figure", "value")
            .Add("pods (one STS session each)", $"{f.Pods}")
            .Add("AssumeRole calls", $"{f.Calls} ({f.Pods} prefetches + {f.Refreshes} refreshes)")
            .Add("pod-seconds observed", $"{f.ObservedPodSeconds:N0}")
            .Add("a credential served for, before its replacement", f.ServedSeconds.Format("N1", " s"))
            .Add("time it had left when replaced (its Expiration − the next call)", f.LeftAtReplacementSeconds.Format("N1", " s"))
            .Add($"calls per pod per credential lifetime, at this {f.Lifetime.TotalSeconds:N0} s lifetime", F(f.CallsPerLifetime, "0.0"))
            .Add($"refreshes per pod per hour at this {f.Lifetime.TotalSeconds:N0} s lifetime (refreshes ÷ pod-seconds)", F(f.PerHourAtThisLifetime, "N0"))
            .Add($"calls per pod per credential lifetime, at the default {f.RequestedSeconds:N0} s lifetime (scaled, below)", F(f.RequestedSeconds / f.ServedAtDefault, "0.0"))
            .Add($"**calls per pod per hour at the default lifetime (scaled, below)**", F(f.PerHourAtDefault, "0.0"));
        table.Print();
        Console.WriteLine();
        Console.WriteLine($"Scaling: the daemon replaces a credential once less than a fixed time is left, whatever its lifetime (its README: "
            + $"when fewer than max(TTL, 20 min) remain, checked by a pass every 30 s; this run measured {F(f.LeftAtReplacementSeconds.Median, "N0")} s left, "
            + "which agrees; a single lifetime was measured, so the rule itself is taken from the README), so a credential of the default lifetime "
            + $"(DurationSeconds={f.RequestedSeconds:N0}, what the daemon asks for with `--iam-role-session-ttl 15m`) serves "
            + $"{f.RequestedSeconds:N0} − {F(f.LeftAtReplacementSeconds.Median, "N0")} = {F(f.ServedAtDefault, "N0")} s, "
            + $"hence 3,600 / {F(f.ServedAtDefault, "N0")} = {F(f.PerHourAtDefault, "0.0")} AssumeRole calls per pod per hour, as long as the pod lives. "
            + "With `--session-name-mode role` the pods of a role share one session, and the figure is per role instead (not measured here).");
        Console.WriteLine();
        new MarkdownTable("reference (from their code; not measured)", "cache", "STS calls per hour")
            .Add("kube2iam", "per role ARN, all pods of the role share one session; 15 min cache of 30 min sessions; fetched on a request", "4 per role in use (per pod: 4 ÷ pods of the role)")
            .Add("kiam", "per (role, session name, external id), session name shared by default; 10 min cache of 15 min sessions; prefetched", "6 per role")
            .Add("Kube2Iam (this run)", "per (role, external id, session), one session per pod; refreshed in the background", $"{F(f.PerHourAtDefault, "0.0")} per pod")
            .Print();
    }

    private static string F(double value, string format) => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public sealed record Figures(
        int Pods,
        int Calls,
        int Refreshes,
        double ObservedPodSeconds,
        TimeSpan Lifetime,
        double RequestedSeconds,
        Measurement ServedSeconds,
        Measurement LeftAtReplacementSeconds)
    {
        public double PerHourAtThisLifetime => ObservedPodSeconds > 0 ? Refreshes / ObservedPodSeconds * 3600 : double.NaN;

        public double CallsPerLifetime => ServedSeconds.Count > 0 ? Lifetime.TotalSeconds / ServedSeconds.Median : double.NaN;

        public double ServedAtDefault => RequestedSeconds - LeftAtReplacementSeconds.Median;

        public double PerHourAtDefault => 3600 / ServedAtDefault;
    }
}
