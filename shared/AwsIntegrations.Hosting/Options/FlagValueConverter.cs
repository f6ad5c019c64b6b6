using System.Globalization;
using System.Reflection;
using System.Text;

namespace AwsIntegrations.Hosting.Options;

/// <summary>Turns flag text into typed values, and describes what a flag accepts when the text is wrong.</summary>
public static class FlagValueConverter
{
    /// <param name="earlier">The value an earlier occurrence of the same list flag produced (lists accumulate), else null.</param>
    internal static object Convert(FlagDefinition flag, string text, object? earlier, string? source)
    {
        var type = flag.ValueType;
        if (flag.IsList)
        {
            var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var existing = earlier as IEnumerable<string> ?? [];
            return ToListType(type, [.. existing, .. items]);
        }

        var value = TryConvertScalar(type, text);
        if (value is null)
        {
            throw new FlagException(flag.Name, text, Describe(flag), source);
        }

        CheckRange(flag, text, value, source);
        CheckAllowed(flag, text, source);
        return value;
    }

    internal static string Describe(FlagDefinition flag)
    {
        var type = flag.ValueType;
        var range = flag.Property.GetCustomAttribute<FlagRangeAttribute>();
        var allowed = flag.Property.GetCustomAttribute<AllowedValuesAttribute>();
        if (allowed is not null)
        {
            return "must be one of " + string.Join(", ", allowed.Values);
        }

        if (type.IsEnum)
        {
            return "must be one of " + string.Join(", ", Enum.GetNames(type).Select(KebabCase));
        }

        var bounds = range is null ? string.Empty : $" from {Format(range.Minimum)} to {Format(range.Maximum)}";
        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) => $"must be an integer{bounds}",
            _ when type == typeof(double) => $"must be a number{bounds}",
            _ when type == typeof(bool) => "must be true or false",
            _ when type == typeof(TimeSpan) => $"must be {GoDuration.Description}{(range is null ? string.Empty : $", from {Format(range.Minimum)}s to {Format(range.Maximum)}s")}",
            _ when type == typeof(Uri) => "must be an absolute URL such as http://169.254.169.254",
            _ => "must be a string",
        };
    }

    public static string? FormatValue(object? value) => value switch
    {
        null => null,
        TimeSpan span => GoDuration.Format(span),
        bool b => b ? "true" : "false",
        Enum e => KebabCase(e.ToString()),
        string s => s,
        IEnumerable<string> list => string.Join(',', list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string KebabCase(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static object? TryConvertScalar(Type type, string text)
    {
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        }

        if (type == typeof(long))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null;
        }

        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
        }

        if (type == typeof(bool))
        {
            return text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "t" => true,
                "false" or "0" or "no" or "f" => false,
                _ => null,
            };
        }

        if (type == typeof(TimeSpan))
        {
            return GoDuration.TryParse(text, out var span) ? span : null;
        }

        if (type == typeof(Uri))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
        }

        if (type.IsEnum)
        {
            var match = Enum.GetNames(type).FirstOrDefault(n =>
                string.Equals(KebabCase(n), text, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            return match is null ? null : Enum.Parse(type, match);
        }

        throw new InvalidOperationException($"flags of type {type.Name} are not supported");
    }

    private static void CheckRange(FlagDefinition flag, string text, object value, string? source)
    {
        if (flag.Property.GetCustomAttribute<FlagRangeAttribute>() is not { } range)
        {
            return;
        }

        var number = value switch
        {
            int i => i,
            long l => l,
            double d => d,
            TimeSpan t => t.TotalSeconds,
            _ => double.NaN,
        };
        if (number < range.Minimum || number > range.Maximum)
        {
            throw new FlagException(flag.Name, text, Describe(flag), source);
        }
    }

    private static void CheckAllowed(FlagDefinition flag, string text, string? source)
    {
        if (flag.Property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed &&
            !allowed.Values.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            throw new FlagException(flag.Name, text, Describe(flag), source);
        }
    }

    private static object ToListType(Type type, string[] items) =>
        type.IsArray ? items : new List<string>(items);

    private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);
}
