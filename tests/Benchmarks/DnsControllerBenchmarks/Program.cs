using DnsControllerBenchmarks;

// dotnet run -c Release --project tests/Benchmarks/DnsControllerBenchmarks -- [--records 20000] [--zones 50] [--changes 5] [--steady-seconds 60]
var settings = new BenchmarkSettings(
    Records: Argument(args, "--records", 20_000),
    Zones: Argument(args, "--zones", 50),
    Changes: Argument(args, "--changes", 5),
    SteadySeconds: Argument(args, "--steady-seconds", 60));
await new DnsBenchmark(settings).RunAsync();

static int Argument(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
