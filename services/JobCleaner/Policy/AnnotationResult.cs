namespace AwsIntegrations.JobCleaner.Policy;

/// <summary>The override an object's annotations make, or the message naming the bad annotation and its value.</summary>
public sealed record AnnotationResult(PolicyOverride Override, string? Error)
{
    public bool IsValid => Error is null;

    public static AnnotationResult Valid(PolicyOverride value) => new(value, null);

    public static AnnotationResult Invalid(string error) => new(PolicyOverride.None, error);
}
