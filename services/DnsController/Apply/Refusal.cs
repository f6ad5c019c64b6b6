using AwsIntegrations.DnsController.Planning;

namespace AwsIntegrations.DnsController.Apply;

/// <summary>A change group Route 53 refused (by its error code, with its message for the user), or one too large to send at all.</summary>
public sealed record Refusal(ChangeGroup Group, string Code, string Message)
{
    /// <summary>Not Route 53's: the group was never sent because the changes to its name alone exceed a batch's limits.</summary>
    public const string TooLarge = "GroupTooLarge";
}
