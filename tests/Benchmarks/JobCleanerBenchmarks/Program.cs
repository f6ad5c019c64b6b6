using System.Globalization;
using AwsIntegrations.Benchmarks.JobCleaner;

// dotnet run -c Release --project tests/Benchmarks/JobCleanerBenchmarks -- [--sizes 1000,10000,100000] [--namespaces 1000] [--repeat 3]
// Roles (started by the driver as child processes): --role emulator | cleaner | unpaged.
var role = Text(args, "--role", "driver");
var namespaces = Number(args, "--namespaces", 1000);
switch (role)
{
    case "emulator":
        await EmulatorRole.RunAsync(Number(args, "--jobs", 1000), namespaces);
        break;
    case "cleaner":
        await CleanerRole.RunAsync(Number(args, "--port", 0), Number(args, "--repeat", 3), args.Contains("--orphans"));
        break;
    case "unpaged":
        await UnpagedRole.RunAsync(Number(args, "--port", 0), Number(args, "--repeat", 3));
        break;
    default:
        var sizes = Text(args, "--sizes", "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        await Driver.RunAsync(sizes, namespaces, Number(args, "--repeat", 3));
        break;
}

static string Text(string[] args, string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

static int Number(string[] args, string name, int fallback) => int.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
