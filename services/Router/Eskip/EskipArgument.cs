using System.Globalization;

namespace AwsIntegrations.Router.Eskip;

/// <summary>A predicate or filter argument: a number, a "string" (or `string`) or a /regular expression/.</summary>
public sealed record EskipArgument(ArgumentKind Kind, string Text, double Number)
{
    public static EskipArgument Of(double number) => new(ArgumentKind.Number, number.ToString("R", CultureInfo.InvariantCulture), number);

    public static EskipArgument Of(string text) => new(ArgumentKind.String, text, 0);

    /// <summary>Strings and regular expressions are both text: predicates that expect a regular expression accept either.</summary>
    public bool IsText => Kind != ArgumentKind.Number;

    public override string ToString() => Kind switch
    {
        ArgumentKind.Number => Text,
        ArgumentKind.Regexp => "/" + Text.Replace("/", "\\/", StringComparison.Ordinal) + "/",
        _ => "\"" + Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
    };
}
