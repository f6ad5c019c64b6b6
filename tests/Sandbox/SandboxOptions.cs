using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Sandbox;

public enum Scenario
{
    Demo,
    Empty,
}

public sealed class SandboxOptions
{
    [Flag("scenario", "What to set up once everything runs: demo (the end-to-end story) or empty (just the suite).")]
    public Scenario Scenario { get; set; } = Scenario.Demo;

    [Flag("no-build", "Do not build the solution first (use what was built last).")]
    public bool NoBuild { get; set; }

    [Flag("once", "Run the scenario, check every step, stop everything and exit 0, or 1 naming the step that failed.")]
    public bool Once { get; set; }

    [Flag("work-dir", "Where the sandbox writes its kubeconfig and the logs of every process.")]
    public string WorkDir { get; set; } = ".sandbox";

    [Flag("configuration", "Build configuration whose outputs are run.")]
    [AllowedValues("Debug", "Release")]
    public string Configuration { get; set; } = "Debug";
}
