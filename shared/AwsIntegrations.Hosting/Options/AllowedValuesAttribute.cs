namespace AwsIntegrations.Hosting.Options;

/// <summary>Restricts a string flag to a fixed set of values (compared case-insensitively).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class AllowedValuesAttribute(params string[] values) : Attribute
{
    public IReadOnlyList<string> Values { get; } = values;
}
