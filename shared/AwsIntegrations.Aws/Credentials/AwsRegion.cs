using Amazon.Runtime;

namespace AwsIntegrations.Aws;

/// <summary>The region to work in: the flag if given, else AWSSDK.Core's chain (AWS_REGION, profile, instance metadata).</summary>
public static class AwsRegion
{
    public static string Resolve(AwsOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            return options.Region;
        }

        var fromSdk = FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        return !string.IsNullOrWhiteSpace(fromSdk)
            ? fromSdk
            : throw new InvalidOperationException("no AWS region: set --aws-region or AWS_REGION");
    }
}
