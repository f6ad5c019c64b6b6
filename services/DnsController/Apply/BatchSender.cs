using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Planning;

namespace AwsIntegrations.DnsController.Apply;

/// <summary>
/// Sends one zone's change groups to Route 53 in batches. A batch Route 53 refuses as a whole (InvalidChangeBatch,
/// InvalidInput) is cut in halves until each refused group stands alone, so every valid change still lands and only the
/// refused ones are reported. Throttling and PriorRequestNotComplete are retried by the AWS transport (standard retry
/// mode, rate limit); any other error stops the zone's remaining batches until the next pass.
/// </summary>
public sealed class BatchSender(IRoute53Api route53)
{
    private const string Comment = "dns-controller";

    public async Task<ApplyOutcome> SendAsync(string zoneId, IReadOnlyList<ChangeGroup> groups, CancellationToken cancellationToken)
    {
        var outcome = new ApplyOutcome();
        var (batches, tooLarge) = Batcher.Pack(groups);
        outcome.Refused.AddRange(tooLarge.Select(g => new Refusal(g, Refusal.TooLarge, "the changes to this name alone exceed Route 53's batch limits")));
        foreach (var batch in batches)
        {
            await SubmitAsync(zoneId, batch, outcome, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task SubmitAsync(string zoneId, IReadOnlyList<ChangeGroup> batch, ApplyOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Error is not null)
        {
            outcome.NotTried.AddRange(batch);
            return;
        }

        try
        {
            outcome.Calls++;
            await route53.ChangeResourceRecordSetsAsync(zoneId, [.. batch.SelectMany(g => g.Changes)], Comment, cancellationToken).ConfigureAwait(false);
            outcome.Applied.AddRange(batch);
        }
        catch (AwsServiceException refused) when (Route53Errors.RefusesBatch(refused.Code))
        {
            if (batch.Count == 1)
            {
                outcome.Refused.Add(new Refusal(batch[0], refused.Code, refused.AwsMessage));
                return;
            }

            var half = batch.Count / 2;
            await SubmitAsync(zoneId, batch.Take(half).ToList(), outcome, cancellationToken).ConfigureAwait(false);
            await SubmitAsync(zoneId, batch.Skip(half).ToList(), outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException failed)
        {
            outcome.Error = failed.Message;
            outcome.NotTried.AddRange(batch);
        }
    }
}
