namespace AwsIntegrations.Hosting.Options;

/// <summary>
/// Marks a property whose own <see cref="FlagAttribute"/> properties join the service's flags, so shared option sets
/// (Kubernetes access, AWS access) compose into every service's options class.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class FlagGroupAttribute : Attribute
{
}
