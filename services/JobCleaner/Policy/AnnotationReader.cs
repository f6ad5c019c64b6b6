using System.Globalization;

namespace AwsIntegrations.JobCleaner.Policy;

/// <summary>
/// Reads the cleanup annotations of one object into a <see cref="PolicyOverride"/>, or says which annotation holds which bad
/// value. Pure: the caller turns an error into an Event and a log line, and skips the object.
/// </summary>
public static class AnnotationReader
{
    public static AnnotationResult Read(IDictionary<string, string>? annotations, bool readLegacyTimeout)
    {
        if (annotations is null || annotations.Count == 0)
        {
            return AnnotationResult.Valid(PolicyOverride.None);
        }

        var errors = new List<string>();
        var both = Age(annotations, CleanupAnnotations.After, errors);
        var succeeded = Age(annotations, CleanupAnnotations.SucceededAfter, errors) ?? both;
        var failed = Age(annotations, CleanupAnnotations.FailedAfter, errors) ?? both;
        var (timeout, never) = Timeout(annotations, CleanupAnnotations.Timeout, errors);
        if (timeout is null && !never && readLegacyTimeout)
        {
            (timeout, never) = Timeout(annotations, CleanupAnnotations.LegacyTimeout, errors, integerOnly: true);
        }

        var disabled = Flag(annotations, CleanupAnnotations.Disabled, errors);
        return errors.Count > 0
            ? AnnotationResult.Invalid(string.Join("; ", errors))
            : AnnotationResult.Valid(new PolicyOverride(succeeded, failed, timeout, never, disabled));
    }

    private static TimeSpan? Age(IDictionary<string, string> annotations, string key, List<string> errors)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return null;
        }

        if (DurationText.TryParse(text, out var age) && age >= TimeSpan.Zero)
        {
            return age;
        }

        errors.Add($"{key}=\"{text}\" is not an age: use seconds (3600) or a duration (90m, 1h30m)");
        return null;
    }

    private static (TimeSpan? Timeout, bool Never) Timeout(IDictionary<string, string> annotations, string key, List<string> errors, bool integerOnly = false)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return (null, false);
        }

        var valid = integerOnly
            ? long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && Math.Abs(seconds) < 100_000_000_000
                ? TimeSpan.FromSeconds(seconds)
                : (TimeSpan?)null
            : DurationText.TryParse(text, out var parsed) ? parsed : null;
        if (valid is { } timeout)
        {
            // kube-job-cleaner applies a timeout only when it is greater than 0 (cleaner.py job_expired): 0 means never, not "at once".
            return timeout <= TimeSpan.Zero ? (null, true) : (timeout, false);
        }

        errors.Add(integerOnly
            ? $"{key}=\"{text}\" is not a timeout: use whole seconds (3600), or 0 / -1 for never"
            : $"{key}=\"{text}\" is not a timeout: use seconds (3600), a duration (2h), or 0 / -1 for never");
        return (null, false);
    }

    private static bool? Flag(IDictionary<string, string> annotations, string key, List<string> errors)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.Add($"{key}=\"{text}\" is not true or false");
                return null;
        }
    }
}
