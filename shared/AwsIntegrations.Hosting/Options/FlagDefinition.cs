using System.Reflection;

namespace AwsIntegrations.Hosting.Options;

/// <summary>One flag of an options class: where it is stored and how it is described.</summary>
internal sealed record FlagDefinition(FlagAttribute Attribute, PropertyInfo Property, Func<object, object> Owner)
{
    public string Name => Attribute.Name;

    public Type ValueType => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    public bool IsBoolean => ValueType == typeof(bool);

    public bool IsList => ValueType != typeof(string) && ValueType.IsAssignableTo(typeof(System.Collections.IEnumerable));

    public string Describe() => FlagValueConverter.Describe(this);

    public string? DefaultText(object options) => FlagValueConverter.FormatValue(Property.GetValue(Owner(options)));

    /// <summary>All flags of an options type, including those of its <see cref="FlagGroupAttribute"/> properties.</summary>
    public static IReadOnlyList<FlagDefinition> For(Type optionsType)
    {
        var flags = new List<FlagDefinition>();
        Collect(optionsType, options => options, flags);
        var duplicate = flags.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"flag --{duplicate.Key} is declared twice in {optionsType.Name}");
        }

        return flags;
    }

    private static void Collect(Type type, Func<object, object> owner, List<FlagDefinition> flags)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<FlagAttribute>() is { } flag)
            {
                flags.Add(new FlagDefinition(flag, property, owner));
            }
            else if (property.GetCustomAttribute<FlagGroupAttribute>() is not null)
            {
                Collect(property.PropertyType, options => property.GetValue(owner(options))
                    ?? throw new InvalidOperationException($"flag group {property.Name} is null"), flags);
            }
        }
    }
}
