using AwsIntegrations.NodeGate.Gate;
using AwsIntegrations.NodeGate.Options;

namespace AwsIntegrations.NodeGate.Tests.Options;

public class NidhoggConfigFileTests
{
    private static readonly Dictionary<string, string> StandardWorker = new()
    {
        ["node-role.kubernetes.io/node"] = "",
        ["aws.amazon.com/ec2.asg.name"] = "standard",
    };

    [Fact]
    public void Parse_NidhoggYaml_ListsEachDaemonSetOnce()
    {
        var config = NidhoggConfigFile.Parse("""
            # the DaemonSets a new node waits for
            daemonsets:
              - name: kube-proxy
                namespace: kube-system
              - {namespace: kube-system, name: kube2iam}
              - name: kube-proxy
                namespace: kube-system
            """);

        config.DaemonSets.Should().Equal(new DaemonSetReference("kube-system", "kube-proxy"), new DaemonSetReference("kube-system", "kube2iam"));
        config.NodeSelector.Should().BeNull("without a nodeSelector the DaemonSets apply to every node");
        config.TaintNamePrefix.Should().Be("nidhogg.uswitch.com");
        config.TaintRemovalDelay.Should().Be(TimeSpan.Zero);
        config.Ignored.Should().BeEmpty();
    }

    [Fact]
    public void Parse_UswitchReadmeJson_AndsEveryNodeSelectorExpression()
    {
        // uswitch/nidhogg README.md, the JSON example, verbatim; handler.go BuildSelectors adds every entry's requirements.
        var config = NidhoggConfigFile.Parse("""
            {
              "nodeSelector": [
                "node-role.kubernetes.io/node",
                "!node-role.kubernetes.io/master",
                "aws.amazon.com/ec2.asg.name in (standard, special)"
              ],
              "daemonsets": [
                {
                  "name": "kiam",
                  "namespace": "kube-system"
                }
              ]
            }
            """);

        config.DaemonSets.Should().Equal(new DaemonSetReference("kube-system", "kiam"));
        config.NodeSelector!.Matches(StandardWorker).Should().BeTrue();
        config.NodeSelector.Matches(new Dictionary<string, string>(StandardWorker) { ["aws.amazon.com/ec2.asg.name"] = "batch" }).Should().BeFalse();
        config.NodeSelector.Matches(new Dictionary<string, string>(StandardWorker) { ["node-role.kubernetes.io/master"] = "" }).Should().BeFalse();
        config.NodeSelector.Matches(new Dictionary<string, string> { ["aws.amazon.com/ec2.asg.name"] = "special" }).Should().BeFalse();
    }

    [Fact]
    public void Parse_UswitchReadmeYaml_TakesTheSingleExpressionAsTheSelector()
    {
        // uswitch/nidhogg README.md, the YAML example, verbatim: nodeSelector is one expression, not a list.
        var config = NidhoggConfigFile.Parse("""
            nodeSelector:
              node-role.kubernetes.io/node
            daemonsets:
              - name: kiam
                namespace: kube-system  
            """);

        config.DaemonSets.Should().Equal(new DaemonSetReference("kube-system", "kiam"));
        config.NodeSelector!.Matches(StandardWorker).Should().BeTrue();
        config.NodeSelector.Matches(new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" }).Should().BeFalse();
    }

    [Fact]
    public void Parse_UswitchManagerConfigMap_IsRead()
    {
        // uswitch/nidhogg config/manager/manager.yaml, the ConfigMap's config.json, verbatim.
        var config = NidhoggConfigFile.Parse("""
             {
               "nodeSelector": [
                 "node-role.kubernetes.io/node"
               ],
               "daemonsets": [
                 {
                   "name": "kiam",
                   "namespace": "kube-system"
                 }
               ]
             }
            """);

        config.DaemonSets.Should().ContainSingle();
        config.NodeSelector!.Matches(StandardWorker).Should().BeTrue();
    }

    [Fact]
    public void Parse_NodeSelectorAsAMapOfLabels_TheFormBeforeSelectorExpressions()
    {
        // uswitch/nidhogg before PR #26 (commit 300282a): `NodeSelector map[string]string`, matched with labels.SelectorFromSet.
        var config = NidhoggConfigFile.Parse("""
            nodeSelector:
              node-role.kubernetes.io/node: ""
            daemonsets:
              - name: kiam
                namespace: kube-system
            """);

        config.NodeSelector!.Matches(StandardWorker).Should().BeTrue();
        config.NodeSelector.Matches(new Dictionary<string, string> { ["node-role.kubernetes.io/node"] = "x" }).Should().BeFalse();
    }

    [Theory]
    [InlineData("""
        daemonsets:
          - name: kiam
            namespace: kube-system
        nodeSelector:
          - "node-role.kubernetes.io/node"
          - "!node-role.kubernetes.io/master"
          - "aws.amazon.com/ec2.asg.name in (standard, special)"
        taintNamePrefix: "nidhogg.uswitch.com"
        taintRemovalDelayInSeconds: 10
        """)]
    [InlineData("""
        {
          "daemonsets": [
            {
              "name": "kiam",
              "namespace": "kube-system"
            }
          ],
          "nodeSelector": [
            "node-role.kubernetes.io/node",
            "!node-role.kubernetes.io/master",
            "aws.amazon.com/ec2.asg.name in (standard, special)"
          ],
          "taintNamePrefix": "nidhogg.uswitch.com",
          "taintRemovalDelayInSeconds": 10
        }
        """)]
    public void Parse_PelotechReadmeExamples_ReadEveryKey(string text)
    {
        // pelotech/nidhogg docs/README.md, the YAML and the JSON example, verbatim.
        var config = NidhoggConfigFile.Parse(text);

        config.DaemonSets.Should().Equal(new DaemonSetReference("kube-system", "kiam"));
        config.NodeSelector!.Matches(StandardWorker).Should().BeTrue();
        config.TaintNamePrefix.Should().Be("nidhogg.uswitch.com");
        config.TaintRemovalDelay.Should().Be(TimeSpan.FromSeconds(10));
        config.Ignored.Should().BeEmpty();
    }

    [Fact]
    public void Parse_TaintEffectAndUnknownKeys_AreListedAsIgnored()
    {
        // pelotech/nidhogg charts/nidhogg/values.yaml `configuration` (its commented taintEffect set) and a typo.
        var config = NidhoggConfigFile.Parse("""
            taintRemovalDelayInSeconds: 5
            taintNamePrefix: "required.node.taint.prefix.daemonset.tolerations.have.to.start.with"
            taintEffect: "NoSchedule"
            daemonsets:
              - name: "daemonset.being.observed"
                namespace: "namespace"
            nodeSelectors: ["oops"]
            """);

        config.TaintRemovalDelay.Should().Be(TimeSpan.FromSeconds(5));
        config.TaintNamePrefix.Should().Be("required.node.taint.prefix.daemonset.tolerations.have.to.start.with");
        config.DaemonSets.Should().Equal(new DaemonSetReference("namespace", "daemonset.being.observed"));
        config.NodeSelector.Should().BeNull();
        config.Ignored.Should().HaveCount(2);
        config.Ignored[0].Should().StartWith("'taintEffect' is not used: NodeGate never adds taints");
        config.Ignored[1].Should().StartWith("'nodeSelectors' is not a setting NodeGate knows");
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-3", 0)]
    [InlineData("30", 30)]
    public void Parse_TaintRemovalDelayOfZeroOrLess_IsNoDelay(string value, int seconds)
    {
        // pelotech handler.go applyTaintRemovalDelay: 0 returns at once, and time.Sleep of a negative duration returns at once.
        NidhoggConfigFile.Parse($"daemonsets: []\ntaintRemovalDelayInSeconds: {value}").TaintRemovalDelay.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Parse_EmptyTaintNamePrefix_IsTheDefault()
    {
        // pelotech handler.go getTaintNamePrefix: an empty prefix means defaultTaintKeyPrefix.
        NidhoggConfigFile.Parse("daemonsets: []\ntaintNamePrefix: \"\"").TaintNamePrefix.Should().Be(GateTaints.NidhoggDefaultPrefix);
    }

    [Theory]
    [InlineData("", "top-level 'daemonsets'")]
    [InlineData("daemonset: []", "top-level 'daemonsets'")]
    [InlineData("daemonsets: kube-proxy", "must be a list")]
    [InlineData("daemonsets:\n  - name: kube-proxy", "daemonsets[0] needs a non-empty 'namespace'")]
    [InlineData("daemonsets:\n  - {namespace: a, name: b}\n  - namespace: a\n    name: ''", "daemonsets[1] needs a non-empty 'name'")]
    [InlineData("daemonsets: [", "not valid YAML or JSON")]
    [InlineData("daemonsets: []\nnodeSelector: [\"a\", \"b in c\"]", "nodeSelector[1]: 'b in c': expected a parenthesised list")]
    [InlineData("daemonsets: []\ntaintRemovalDelayInSeconds: ten", "taintRemovalDelayInSeconds 'ten' must be a whole number of seconds")]
    [InlineData("daemonsets: []\ntaintNamePrefix: example.com/nidhogg", "taintNamePrefix 'example.com/nidhogg' must be a DNS subdomain")]
    public void Parse_BadFile_ThrowsNamingTheProblem(string text, string problem)
    {
        var act = () => NidhoggConfigFile.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{problem}*");
    }

    [Fact]
    public void Load_MissingFile_ThrowsSayingItCannotBeRead()
    {
        var act = () => NidhoggConfigFile.Load("/nonexistent/node-gate.yaml");

        act.Should().Throw<FormatException>().WithMessage("cannot read it*");
    }
}
