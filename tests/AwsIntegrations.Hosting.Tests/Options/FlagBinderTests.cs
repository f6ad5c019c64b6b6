using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Hosting.Tests.Options;

public sealed class FlagBinderTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static TestOptions Bind(params string[] args) => FlagBinder.Bind<TestOptions>(args, NoEnvironment);

    [Fact]
    public void Bind_SpaceAndEqualsForms_BothSetTheValue()
    {
        Bind("--default-role", "reader").DefaultRole.Should().Be("reader");
        Bind("--default-role=reader").DefaultRole.Should().Be("reader");
        Bind("-default-role=reader").DefaultRole.Should().Be("reader");
    }

    [Fact]
    public void Bind_NoFlags_KeepsTheDefaults()
    {
        var options = Bind();

        options.AppPort.Should().Be(8181);
        options.SessionTtl.Should().Be(TimeSpan.FromMinutes(15));
        options.DomainFilter.Should().Equal("default.example");
        options.LogFormat.Should().Be(LogFormat.Json);
    }

    [Fact]
    public void Bind_BooleanFlag_FollowsGoFlagRules()
    {
        Bind("--iptables").Iptables.Should().BeTrue();
        Bind("--iptables=false").Iptables.Should().BeFalse();
        Bind("--iptables=true", "--app-port", "80").AppPort.Should().Be(80);
    }

    [Fact]
    public void Bind_KingpinNegation_TurnsABooleanOff_OnlyForBooleans()
    {
        Bind("--iptables", "--no-iptables").Iptables.Should().BeFalse();
        var negatedValue = () => Bind("--no-app-port");

        negatedValue.Should().Throw<FlagException>().Which.Message.Should().Be("unknown flag --no-app-port (run with --help to list the flags)");
    }

    [Theory]
    [InlineData(":7979", "0.0.0.0", 7979)]          // external-dns's and kube-ingress-aws-controller's default form
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080)] // nidhogg's manager_auth_proxy_patch.yaml
    [InlineData("[::1]:9000", "::1", 9000)]
    [InlineData("10.0.0.1", "10.0.0.1", 9090)]       // an address alone keeps the port
    [InlineData("::", "::", 9090)]
    public void Bind_MetricsAddressAsHostPort_SetsAddressAndPort(string value, string address, int port)
    {
        var options = Bind("--metrics-address", value);

        options.MetricsAddress.Should().Be(address);
        options.MetricsPort.Should().Be(port);
    }

    [Fact]
    public void Bind_GoDurations_AreParsed()
    {
        Bind("--iam-role-session-ttl", "1h30m").SessionTtl.Should().Be(TimeSpan.FromMinutes(90));
        Bind("--iam-role-session-ttl=500ms").SessionTtl.Should().Be(TimeSpan.FromMilliseconds(500));
        Bind("--shutdown-delay", "30").ShutdownDelay.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Bind_EnumInKebabCase_IsParsed()
    {
        Bind("--policy", "upsert-only").Policy.Should().Be(Policy.UpsertOnly);
    }

    [Fact]
    public void Bind_ListFlag_ReplacesDefaultAndAccumulatesRepeatsAndCommas()
    {
        Bind("--domain-filter", "a.org,b.org", "--domain-filter=c.org").DomainFilter.Should().Equal("a.org", "b.org", "c.org");
    }

    [Fact]
    public void Bind_Environment_IsUsedWhenTheFlagIsAbsent()
    {
        var environment = new Dictionary<string, string> { ["DEFAULT_ROLE"] = "from-env", ["NODE_NAME"] = "node-1", ["APP_PORT"] = "9000" };

        var options = FlagBinder.Bind<TestOptions>(["--app-port", "9100"], name => environment.GetValueOrDefault(name));

        options.DefaultRole.Should().Be("from-env");
        options.Node.Should().Be("node-1", "the flag names its own environment variable");
        options.AppPort.Should().Be(9100, "a flag wins over the environment");
    }

    [Fact]
    public void Bind_FlagGroup_JoinsTheServiceFlags()
    {
        Bind("--kubeconfig", "/tmp/kc").Kube.Kubeconfig.Should().Be("/tmp/kc");
    }

    [Fact]
    public void Bind_Alias_IsAccepted()
    {
        Bind("--base-arn", "arn:aws:iam::123456789012:role/").BaseRoleArn.Should().Be("arn:aws:iam::123456789012:role/");
    }

    [Theory]
    [InlineData(new[] { "--app-port", "abc" }, "invalid value \"abc\" for --app-port: must be an integer from 1 to 65535")]
    [InlineData(new[] { "--app-port=70000" }, "invalid value \"70000\" for --app-port: must be an integer from 1 to 65535")]
    [InlineData(new[] { "--iam-role-session-ttl", "soon" }, "invalid value \"soon\" for --iam-role-session-ttl: must be a duration such as 500ms, 30s, 15m or 1h30m (a bare number means seconds)")]
    [InlineData(new[] { "--policy", "delete-everything" }, "invalid value \"delete-everything\" for --policy: must be one of sync, upsert-only, create-only")]
    [InlineData(new[] { "--log-level", "loud" }, "invalid value \"loud\" for --log-level: must be one of trace, debug, info, information, warn, warning, error, fatal, critical, panic")]
    [InlineData(new[] { "--iptables=maybe" }, "invalid value \"maybe\" for --iptables: must be true or false")]
    [InlineData(new[] { "--no-such-flag" }, "unknown flag --no-such-flag (run with --help to list the flags)")]
    [InlineData(new[] { "--default-role" }, "invalid value \"\" for --default-role: the flag needs a value; must be a string")]
    [InlineData(new[] { "stray" }, "unexpected argument \"stray\": every setting is a --flag (run with --help to list them)")]
    [InlineData(new[] { "--auto-discover-base-arn", "--base-role-arn", "arn:aws:iam::1:role/" }, "invalid value \"true\" for --auto-discover-base-arn: cannot be combined with --base-role-arn")]
    public void Bind_BadInput_FailsWithOneLineNamingFlagValueAndWhatIsAllowed(string[] args, string message)
    {
        var bind = () => Bind(args);

        bind.Should().Throw<FlagException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Bind_BadEnvironmentValue_NamesTheVariable()
    {
        var bind = () => FlagBinder.Bind<TestOptions>([], name => name == "APP_PORT" ? "eighty" : null);

        bind.Should().Throw<FlagException>().Which.Message.Should()
            .Be("invalid value \"eighty\" for --app-port (from APP_PORT): must be an integer from 1 to 65535");
    }

    [Fact]
    public void Bind_Help_IsAskedFor()
    {
        var bind = () => Bind("--help");

        bind.Should().Throw<HelpRequestedException>();
    }

    [Fact]
    public void Help_ListsEveryFlagWithItsEnvironmentVariableAndDefault()
    {
        var help = FlagHelp.Text("kube2iam", new TestOptions());

        help.Should().Contain("--app-port value").And.Contain("env APP_PORT, default 8181")
            .And.Contain("--iptables").And.Contain("env NODE_NAME").And.Contain("--kubeconfig value")
            .And.Contain("default 15m");
    }

    [Fact]
    public void Markdown_IsATableRowPerFlag()
    {
        var markdown = FlagHelp.Markdown(new TestOptions());

        markdown.Should().Contain("| `--policy` | `POLICY` | `sync` | What may change. |");
        markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(FlagDefinition.For(typeof(TestOptions)).Count + 2);
    }
}
