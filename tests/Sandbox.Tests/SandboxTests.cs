namespace AwsIntegrations.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class SandboxTests(SandboxRun run)
{
    [Fact]
    public void Once_RunsTheWholeSuiteAndChecksEveryStep()
    {
        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("ok every step checked");
        foreach (var step in new[]
        {
            "✔ Kube2Iam           pod demo/app-7c9d (127.0.0.2) → role app-reader",
            "✔ IngressController",
            "✔ DnsController      app.example.org. A ALIAS →",
            "✔ Router             GET https://app.example.org/ → 200",
            "✔ JobCleaner         finished and overrunning Jobs cleaned",
            "✔ NodeGate           node sandbox-node-4 released",
        })
        {
            run.Output.Should().Contain(step);
        }
    }

    [Fact]
    public void Once_KeepsSecretsMasked()
    {
        run.Output.Should().Contain("secret ****").And.NotContain("SecretAccessKey");
    }
}
