using AwsIntegrations.Testing;

namespace AwsIntegrations.NodeGate.Tests.Service;

/// <summary>Bad configuration stops the start with exit code 2 and one line saying what to fix.</summary>
public class NodeGateFlagTests : NodeGateCluster
{
    [Theory]
    [InlineData(new string[0], "set --daemonset-selector and/or --config-file")]
    [InlineData(new[] { "--daemonset-selector", "tier in system" }, "--daemonset-selector: 'tier in system': expected a parenthesised list")]
    [InlineData(new[] { "--config-file", "/nonexistent/list.yaml" }, "--config-file /nonexistent/list.yaml: cannot read it")]
    [InlineData(new[] { "--daemonset-selector", "a=b", "--taint-key", "" }, "--taint-key must not be empty")]
    [InlineData(new[] { "--daemonset-selector", "a=b", "--max-wait", "0s" }, "max-wait")]
    [InlineData(new[] { "--daemonset-selector", "a=b", "--leader-elect-lease-duration", "5s" }, "--leader-elect-lease-duration > --leader-elect-renew-deadline")]
    public async Task Start_BadFlags_ExitsWithCode2AndTheProblem(string[] flags, string problem)
    {
        await using var service = ChildProcess.StartDotnet(ServiceAssembly, ["--kubeconfig", Kubeconfig, .. flags]);

        (await service.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2, service.Output);
        service.StandardError.Should().ContainSingle(l => l.Contains(problem, StringComparison.Ordinal), service.Output);
    }

    [Fact]
    public async Task Start_ConfigFileWithoutNamespace_ExitsNamingTheEntry()
    {
        var config = WriteFile("bad.yaml", "daemonsets:\n  - name: kube-proxy\n");
        await using var service = ChildProcess.StartDotnet(ServiceAssembly, ["--kubeconfig", Kubeconfig, "--config-file", config]);

        (await service.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2, service.Output);
        service.StandardError.Should().ContainSingle(l => l.Contains("daemonsets[0] needs a non-empty 'namespace'", StringComparison.Ordinal));
    }
}
