namespace AwsIntegrations.Hosting.Options;

/// <summary>Inclusive bounds for a numeric flag, or for a duration flag in seconds.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class FlagRangeAttribute(double minimum, double maximum) : Attribute
{
    public double Minimum { get; } = minimum;

    public double Maximum { get; } = maximum;
}
