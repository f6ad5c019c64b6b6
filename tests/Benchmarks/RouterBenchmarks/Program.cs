using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.Router;
using AwsIntegrations.Benchmarks.Router.Http;
using AwsIntegrations.Benchmarks.Router.Rollout;
using AwsIntegrations.Benchmarks.Router.Table;

// tests/Benchmarks/RouterBenchmarks/run.sh [table|http|rollout|all] [--quick] [--name value ...]: prints Markdown, never pass/fail.
string mode;
try
{
    mode = Parts.Select(args);
}
catch (ArgumentException problem)
{
    Console.Error.WriteLine(problem.Message);
    return 2;
}

var arguments = new BenchmarkArguments(args);
var dir = Directory.CreateTempSubdirectory("router-bench-").FullName;
try
{
    Console.WriteLine($"Router benchmarks ({(arguments.Quick ? "quick" : "full")} mode), {Environment.ProcessorCount} cores; figures are medians with min–max of the repetitions.");
    if (mode is "all" or "http")
    {
        await HttpBenchmark.RunAsync(arguments, dir);
    }

    if (mode is "all" or "table")
    {
        await TableBenchmark.RunAsync(arguments, dir);
    }

    if (mode is "all" or "rollout")
    {
        await RolloutBenchmark.RunAsync(arguments, dir);
    }
}
finally
{
    Directory.Delete(dir, recursive: true);
}

return 0;
