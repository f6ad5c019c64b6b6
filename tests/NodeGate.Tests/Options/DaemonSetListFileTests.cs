using AwsIntegrations.NodeGate.Options;

namespace AwsIntegrations.NodeGate.Tests.Options;

public class DaemonSetListFileTests
{
    [Fact]
    public void Parse_NidhoggYaml_ListsEachDaemonSetOnce()
    {
        var list = DaemonSetListFile.Parse("""
            # the DaemonSets a new node waits for
            daemonsets:
              - name: kube-proxy
                namespace: kube-system
              - {namespace: kube-system, name: kube2iam}
              - name: kube-proxy
                namespace: kube-system
            nodeSelector: ["ignored"]
            """);

        list.Should().Equal(new DaemonSetReference("kube-system", "kube-proxy"), new DaemonSetReference("kube-system", "kube2iam"));
    }

    [Fact]
    public void Parse_Json_IsAccepted()
    {
        DaemonSetListFile.Parse("""{"daemonsets":[{"name":"fluent-bit","namespace":"logging"}]}""")
            .Should().Equal(new DaemonSetReference("logging", "fluent-bit"));
    }

    [Theory]
    [InlineData("", "top-level 'daemonsets'")]
    [InlineData("daemonset: []", "top-level 'daemonsets'")]
    [InlineData("daemonsets: kube-proxy", "must be a list")]
    [InlineData("daemonsets:\n  - name: kube-proxy", "daemonsets[0] needs a non-empty 'namespace'")]
    [InlineData("daemonsets:\n  - {namespace: a, name: b}\n  - namespace: a\n    name: ''", "daemonsets[1] needs a non-empty 'name'")]
    [InlineData("daemonsets: [", "not valid YAML or JSON")]
    public void Parse_BadFile_ThrowsNamingTheProblem(string text, string problem)
    {
        var act = () => DaemonSetListFile.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{problem}*");
    }

    [Fact]
    public void Load_MissingFile_ThrowsSayingItCannotBeRead()
    {
        var act = () => DaemonSetListFile.Load("/nonexistent/node-gate.yaml");

        act.Should().Throw<FormatException>().WithMessage("cannot read it*");
    }
}
