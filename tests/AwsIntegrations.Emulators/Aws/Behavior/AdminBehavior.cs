using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>The JSON form of <see cref="AwsBehavior"/> on the admin API: durations in seconds, null for AWS's own.</summary>
internal static class AdminBehavior
{
    public static JsonObject ToJson(AwsBehavior behavior) => new()
    {
        ["loadBalancerProvisioningSeconds"] = behavior.LoadBalancerProvisioning.TotalSeconds,
        ["loadBalancerVisibilitySeconds"] = behavior.LoadBalancerVisibility.TotalSeconds,
        ["healthCheckIntervalSeconds"] = behavior.HealthCheckInterval?.TotalSeconds,
        ["deregistrationDelaySeconds"] = behavior.DeregistrationDelay?.TotalSeconds,
        ["changePropagationSeconds"] = behavior.ChangePropagation.TotalSeconds,
        ["certificateValidationSeconds"] = behavior.CertificateValidation.TotalSeconds,
        ["throttling"] = behavior.Throttling,
    };

    public static void Apply(AwsBehavior behavior, JsonObject body)
    {
        var updated = new AwsBehavior();
        updated.CopyFrom(behavior);
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "preset":
                    updated.CopyFrom(value?.GetValue<string>() switch
                    {
                        "instant" => AwsBehavior.Instant(),
                        "realistic" => new AwsBehavior(),
                        var other => throw new ArgumentException($"unknown preset '{other}' (instant or realistic)"),
                    });
                    break;
                case "loadBalancerProvisioningSeconds":
                    updated.LoadBalancerProvisioning = Seconds(key, value) ?? throw new ArgumentException($"{key} needs a number");
                    break;
                case "loadBalancerVisibilitySeconds":
                    updated.LoadBalancerVisibility = Seconds(key, value) ?? throw new ArgumentException($"{key} needs a number");
                    break;
                case "healthCheckIntervalSeconds":
                    updated.HealthCheckInterval = Seconds(key, value);
                    break;
                case "deregistrationDelaySeconds":
                    updated.DeregistrationDelay = Seconds(key, value);
                    break;
                case "changePropagationSeconds":
                    updated.ChangePropagation = Seconds(key, value) ?? throw new ArgumentException($"{key} needs a number");
                    break;
                case "certificateValidationSeconds":
                    updated.CertificateValidation = Seconds(key, value) ?? throw new ArgumentException($"{key} needs a number");
                    break;
                case "throttling":
                    updated.Throttling = value?.GetValue<bool>() ?? throw new ArgumentException("throttling needs true or false");
                    break;
                default:
                    throw new ArgumentException($"unknown setting '{key}'");
            }
        }

        behavior.CopyFrom(updated);
    }

    private static TimeSpan? Seconds(string key, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        var seconds = value.GetValue<double>();
        return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"{key} must not be negative");
    }
}
