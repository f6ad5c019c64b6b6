using AwsIntegrations.Benchmarks.Kubernetes;

// dotnet run -c Release --project tests/Benchmarks/KubernetesBenchmarks -- [--pods 50000] [--churn 20000]
// Runs the emulator in a child process (role "emulator") so the memory figures are the client's alone.
var pods = Argument(args, "--pods", 50_000);
var churn = Argument(args, "--churn", 20_000);
if (args.Contains("--role-emulator"))
{
    await EmulatorRole.RunAsync(pods);
    return;
}

await ClientRole.RunAsync(pods, churn);

static int Argument(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
