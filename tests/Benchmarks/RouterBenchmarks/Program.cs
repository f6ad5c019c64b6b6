using Router.Benchmarks;

var mode = args.Length > 0 ? args[0] : "all";
if (mode is "table" or "all")
{
    Console.WriteLine("## Route table");
    TableBenchmark.Run([10, 1_000, 10_000], plainGc: args.Contains("--plain-gc"));
}

if (mode is "http" or "all")
{
    Console.WriteLine();
    Console.WriteLine("## HTTP: Router vs nginx to the same backend (wrk)");
    await HttpBenchmark.RunAsync(args.Skip(1).ToArray());
}
