using AwsIntegrations.Emulators.Aws;

// Standalone emulators: --aws-port N [--aws-seed FILE]. Prints where each listens, runs until SIGTERM or Ctrl-C.
var port = Arg(args, "--aws-port") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 18081;
var seedFile = Arg(args, "--aws-seed");
AwsState state;
try
{
    var seed = seedFile is null ? AwsSeed.Default() : AwsSeed.Load(seedFile);
    state = SeedLoader.Build(seed, TimeProvider.System, AwsEmulator.DefaultCredentials);
}
catch (Exception e) when (e is IOException or InvalidDataException)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

await using var aws = await AwsEmulator.StartAsync(port, state);
Console.WriteLine($"aws emulator listening on {aws.BaseUrl} (region {aws.State.Region}, access key {AwsEmulator.DefaultCredentials.AccessKeyId})");
using var stop = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("aws emulator stopping");
}

return 0;

static string? Arg(string[] args, string name)
{
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == name && i + 1 < args.Length)
        {
            return args[i + 1];
        }

        if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
        {
            return args[i][(name.Length + 1)..];
        }
    }

    return null;
}
