namespace AwsIntegrations.Hosting.Options;

/// <summary>Options with rules that span flags or need more than a type check (e.g. "--a cannot be combined with --b").</summary>
internal interface IValidatableOptions
{
    /// <summary>Returns the first problem as a <see cref="FlagException"/>, or null when the options are usable.</summary>
    FlagException? Validate();
}
