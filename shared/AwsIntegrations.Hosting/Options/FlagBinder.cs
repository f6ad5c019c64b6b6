namespace AwsIntegrations.Hosting.Options;

/// <summary>
/// Binds command-line flags (<c>--name value</c>, <c>--name=value</c>, Go-style single dash too) and environment variables to an
/// options object. Flags win over the environment, the environment over the defaults in the options class.
/// Boolean flags follow Go's flag package: <c>--iptables</c> or <c>--iptables=false</c>, never a separate value; kingpin's
/// <c>--no-iptables</c> turns one off.
/// </summary>
public static class FlagBinder
{
    public static TOptions Bind<TOptions>(IReadOnlyList<string> args, Func<string, string?> environment)
        where TOptions : new()
    {
        var options = new TOptions();
        Bind(options, args, environment);
        return options;
    }

    public static void Bind(object options, IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var flags = FlagDefinition.For(options.GetType());
        var byName = new Dictionary<string, FlagDefinition>(StringComparer.Ordinal);
        foreach (var flag in flags)
        {
            byName[flag.Name] = flag;
            foreach (var alias in flag.Attribute.Aliases)
            {
                byName[alias] = flag;
            }
        }

        var fromCommandLine = new Dictionary<FlagDefinition, object>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-help")
            {
                throw new HelpRequestedException();
            }

            if (!arg.StartsWith('-') || arg is "-" or "--")
            {
                throw new FlagException($"unexpected argument \"{arg}\": every setting is a --flag (run with --help to list them)");
            }

            var body = arg.TrimStart('-');
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            // kingpin's negation of a boolean flag (--no-nlb-cross-zone), which the args of the Go tools we replace use.
            var negated = !byName.ContainsKey(name) && equals < 0 && name.StartsWith("no-", StringComparison.Ordinal)
                && byName.TryGetValue(name[3..], out var positive) && positive.IsBoolean;
            if (!byName.TryGetValue(negated ? name[3..] : name, out var flag))
            {
                throw new FlagException($"unknown flag --{name} (run with --help to list the flags)");
            }

            string text;
            if (negated)
            {
                text = "false";
            }
            else if (equals >= 0)
            {
                text = body[(equals + 1)..];
            }
            else if (flag.IsBoolean)
            {
                text = "true";
            }
            else if (i + 1 < args.Count)
            {
                text = args[++i];
            }
            else
            {
                throw new FlagException(flag.Name, null, "the flag needs a value; " + flag.Describe());
            }

            fromCommandLine.TryGetValue(flag, out var earlier);
            fromCommandLine[flag] = FlagValueConverter.Convert(flag, text, earlier, source: null);
        }

        foreach (var flag in flags)
        {
            var owner = flag.Owner(options);
            if (fromCommandLine.TryGetValue(flag, out var value))
            {
                flag.Property.SetValue(owner, value);
            }
            else if (environment(flag.Attribute.EnvironmentVariable) is { Length: > 0 } text)
            {
                flag.Property.SetValue(owner, FlagValueConverter.Convert(flag, text, null, flag.Attribute.EnvironmentVariable));
            }
        }

        foreach (var validatable in FlagGroups(options).OfType<IValidatableOptions>())
        {
            if (validatable.Validate() is { } problem)
            {
                throw problem;
            }
        }
    }

    private static IEnumerable<object> FlagGroups(object options)
    {
        yield return options;
        foreach (var property in options.GetType().GetProperties())
        {
            if (property.GetCustomAttributes(typeof(FlagGroupAttribute), inherit: true).Length > 0 &&
                property.GetValue(options) is { } group)
            {
                foreach (var nested in FlagGroups(group))
                {
                    yield return nested;
                }
            }
        }
    }
}
