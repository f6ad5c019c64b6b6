namespace AwsIntegrations.Router.Eskip;

/// <summary>A predicate or a filter as written: its name and arguments, e.g. <c>Header("X-Canary", "true")</c>.</summary>
public sealed record EskipCall(string Name, IReadOnlyList<EskipArgument> Arguments)
{
    public static EskipCall Of(string name, params EskipArgument[] arguments) => new(name, arguments);

    public override string ToString() => Name + "(" + string.Join(", ", Arguments) + ")";
}
