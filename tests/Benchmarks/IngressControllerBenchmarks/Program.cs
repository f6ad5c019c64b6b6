using System.Globalization;
using AwsIntegrations.Benchmarks.IngressController;

// 1,000 Ingresses over 500 hosts covered by 60 wildcard certificates (one in ten Ingresses internal), 3 nodes, default client-side
// rate limits (ELBv2 10/s, EC2 20/s, ACM 5/s). Reference, measured in the same run: a poll-every-30s controller that re-reads its
// whole inventory each cycle (kube-ingress-aws-controller's model) would make the resync pass's reads 120 times an hour.
var repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var results = new List<Scenario.Result>();
for (var run = 1; run <= repetitions; run++)
{
    var result = await Scenario.RunAsync(ingresses: 1000, hosts: 500, certificates: 60);
    results.Add(result);
    Console.WriteLine(FormattableString.Invariant($"run {run}: {result.ConvergeCalls} calls, {result.ConvergeSeconds:0.00} s, {result.Passes} passes, {result.LoadBalancers} ALBs, {result.ListenerCertificates} listener certificates, {result.CallsPerHourAtRest} calls/hour at rest (resync pass {result.ResyncPassCalls} calls)"));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

var calls = Median(results.Select(r => (double)r.ConvergeCalls));
var seconds = Median(results.Select(r => r.ConvergeSeconds));
var albs = Median(results.Select(r => (double)r.LoadBalancers));
var atRest = Median(results.Select(r => (double)r.CallsPerHourAtRest));
var pollingReference = Median(results.Select(r => r.ResyncPassCalls * 120.0));
Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"median of {repetitions}: converge {calls:0} AWS calls in {seconds:0.00} s; {albs:0} ALBs; at rest {atRest:0} calls/hour"));
Console.WriteLine(FormattableString.Invariant($"reference (full re-read every 30 s): {pollingReference:0} calls/hour; ratio at rest {atRest / pollingReference:0.000} ({pollingReference / Math.Max(atRest, 1):0.0}x fewer)"));
