using System.Globalization;
using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.IngressController;

/// <summary>The Markdown tables and SUMMARY lines of the IngressController benchmark.</summary>
internal static class IngressReport
{
    public static void Print(IngressSettings settings, IReadOnlyList<RunResult> runs)
    {
        var sizes = settings.Sizes;
        var bySize = sizes.Select(s => runs.Where(r => r.Ingresses == s).ToList()).ToList();
        Console.WriteLine("### IngressController: convergence from an empty account");
        Console.WriteLine();
        Report.Paragraph($"The controller's reconciler runs in this process against the AWS and Kubernetes emulators (loopback HTTP, real wire protocols), with the default client-side AWS rate limits (ELBv2 10/s, EC2 15/s, ACM 5/s) and the Kubernetes limit off (the default --kube-api-qps 20 would add N/20 s of status writes). N Ingresses over N/2 hosts, {settings.Certificates} wildcard certificates (ISSUED), one Ingress in ten internal, 3 nodes. AWS's timing runs on the controller's simulated clock: a new load balancer provisions for 3 minutes, and the loop's passes move the clock on by their requeue (15 s while a load balancer provisions). Seconds (wall) from the first pass until a pass after every Ingress status is in the cache makes no call, and the simulated time that took (when the last status was written); calls counted by the emulator, throttled ones included. A warm-up run (the smallest size, not reported) comes first. Median of {settings.Repetitions} runs per size (the largest size: {settings.LargestRepetitions} run{(settings.LargestRepetitions == 1 ? "" : "s")}), spread min–max in brackets.");
        var table = new MarkdownTable("Ingresses", "hosts", "runs", "seconds to converge", "simulated time to status", "AWS calls", "passes", "ALBs (certificates each)", "calls by operation");
        for (var i = 0; i < sizes.Count; i++)
        {
            var group = bySize[i];
            table.Add(N(sizes[i]), N(Math.Max(1, sizes[i] / 2)), N(group.Count), Seconds(group).Format("0.00", " s"), new Measurement(group.Select(r => r.SimulatedSeconds)).Format("0", " s"), Of(group, r => r.ConvergeCalls.Total).Format(),
                Of(group, r => r.Passes).Format(), $"{Of(group, r => r.LoadBalancers).Format()} ({group[0].CertificatesPerAlb})", group[0].ConvergeCalls.Describe());
        }

        table.Print();
        Growth.Table("Ingresses", "seconds to converge", sizes, bySize.Select(Seconds).ToList(), "0.00", " s").Print("Growth: seconds to converge");
        Growth.Table("Ingresses", "AWS calls to converge", sizes, bySize.Select(g => Of(g, r => r.ConvergeCalls.Total)).ToList()).Print("Growth: AWS calls to converge");

        Console.WriteLine();
        Console.WriteLine("### IngressController at rest, against kube-ingress-aws-controller's 30 s polling model");
        Console.WriteLine();
        Report.Paragraph($"After convergence the fake clock is advanced through one hour, a pass every --resync-interval (10 min) as the loop runs it; every call of that simulated hour is counted (nothing scaled). Reference, derived in the same run: kube-ingress-aws-controller re-reads its whole inventory on every --polling-interval tick (30 s, no watches; its worker.go), so the reads of our largest resync pass × {RestHour.PollsPerHour} per hour. That is a lower bound for it: its tick also scans every CloudFormation stack, target group and Auto Scaling group of the account, which we do not emulate. Call counts do not vary between runs; {(settings.RestEveryRepetition ? "measured in every run" : "--quick measures them in the first run of each size only")}.");
        var rests = bySize.Select(g => g.Where(r => r.Rest is not null).Select(r => r.Rest!).ToList()).ToList();
        var rest = new MarkdownTable("Ingresses", "ours: calls/hour at rest", "passes in the hour", "resync pass: calls", "30 s re-read model: calls/hour", "ratio");
        for (var i = 0; i < sizes.Count; i++)
        {
            var group = rests[i];
            var ours = Rest(group, r => r.Calls.Total);
            var reference = Rest(group, r => r.ReferencePerHour);
            rest.Add(N(sizes[i]), $"{ours.Format()} ({group[0].Calls.Describe()})", N(group[0].Passes), $"{Rest(group, r => r.ResyncPass.Total).Format()} ({group[0].ResyncPass.Describe()})",
                reference.Format(), Report.Fewer(ours.Median, reference.Median));
        }

        rest.Print();
        Growth.Table("Ingresses", "ours: calls/hour at rest", sizes, rests.Select(g => Rest(g, r => r.Calls.Total)).ToList()).Print("Growth: calls per hour at rest (ours)");
        Growth.Table("Ingresses", "30 s re-read model: calls/hour", sizes, rests.Select(g => Rest(g, r => r.ReferencePerHour)).ToList()).Print("Growth: calls per hour at rest (30 s re-read model)");

        Console.WriteLine();
        Console.WriteLine("### Published behaviour (from the projects' code and issues)");
        Console.WriteLine();
        new MarkdownTable("project", "published behaviour", "source")
            .Add("kube-ingress-aws-controller", "every --polling-interval (30s) tick lists all Ingresses, every CloudFormation stack (DescribeStacks, paginated), DescribeLoadBalancers (chunks of 20), DescribeInstances, DescribeAutoScalingGroups, DescribeTargetGroups (all), DescribeTags; no client-side token bucket", "kube-ingress-aws-controller worker.go doWork")
            .Add("kube-ingress-aws-controller", "a new Ingress: CloudFormation CreateStack; status only once the stack is complete and the ALB is older than 6 min", "kube-ingress-aws-controller worker.go")
            .Add("aws-load-balancer-controller", "event-driven, but users report hundreds of Describe* calls throttling whole accounts (LBC#3167), DescribeTags 10× any other call with 5,000 target groups (LBC#3171)", "LBC#3167, LBC#3171")
            .Print();

        var at = sizes.ToList().IndexOf(1_000) is var k and >= 0 ? k : sizes.Count - 1;
        var label = $"{N(sizes[at])} Ingresses";
        var largest = sizes.Count - 1;
        Console.WriteLine();
        var oursRest = Rest(rests[largest], r => r.Calls.Total);
        var referenceRest = Rest(rests[largest], r => r.ReferencePerHour);
        Summary.Print("ingress", $"converge from an empty account, {label}", $"{Seconds(bySize[at]).Format("0.00", " s")} wall, {Of(bySize[at], r => r.ConvergeCalls.Total).Format()} AWS calls, {Of(bySize[at], r => r.LoadBalancers).Format()} ALBs; status {new Measurement(bySize[at].Select(r => r.SimulatedSeconds)).Format("0", " s")} after the start with 180 s of provisioning (simulated)", "kube-ingress-aws-controller: status only once its CloudFormation stack is complete and the ALB is 6 min old", "—");
        if (largest != at)
        {
            Summary.Print("ingress", $"converge from an empty account, {N(sizes[largest])} Ingresses", $"{Seconds(bySize[largest]).Format("0.00", " s")}, {Of(bySize[largest], r => r.ConvergeCalls.Total).Format()} AWS calls", "—", Growth.Ratios(sizes, bySize.Select(g => Seconds(g).Median).ToList())[largest]);
        }

        Summary.Print("ingress", $"AWS calls/hour at rest, {N(sizes[largest])} Ingresses", oursRest.Format(), $"{referenceRest.Format()} (a full re-read every 30 s)", Report.Fewer(oursRest.Median, referenceRest.Median));
        var hours = rests.SelectMany(r => r).ToList();
        var writes = hours.Sum(r => r.Calls.Writes);
        Summary.Print("ingress", "AWS writes at rest, nothing changing", $"{writes} in {hours.Count} simulated hour{(hours.Count == 1 ? "" : "s")}", "—", $"goal 0: {(writes == 0 ? "met" : "not met")}");
    }

    private static Measurement Seconds(List<RunResult> runs) => new(runs.Select(r => r.ConvergeSeconds));

    private static Measurement Of(List<RunResult> runs, Func<RunResult, double> figure) => new(runs.Select(figure));

    private static Measurement Rest(List<RestHour> hours, Func<RestHour, double> figure) => new(hours.Select(figure));

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
