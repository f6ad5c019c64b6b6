using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Planning;

namespace AwsIntegrations.DnsController.Apply;

/// <summary>
/// Sends batches to Route 53. A batch Route 53 refuses as a whole (InvalidChangeBatch) is cut in halves until each
/// invalid group stands alone, so every valid change still lands and only the invalid ones are reported.
/// Throttling and PriorRequestNotComplete are retried by the AWS transport (standard retry mode, rate limit).
/// </summary>
public sealed class Applier(IRoute53Api route53, Action<string>? onCall = null)
{
    public async Task<ApplyOutcome> ApplyAsync(string zoneId, IReadOnlyList<ChangeGroup> groups, CancellationToken cancellationToken)
    {
        var outcome = new ApplyOutcome();
        var (batches, tooLarge) = Batcher.Pack(groups);
        outcome.Refused.AddRange(tooLarge.Select(g => (g, "the changes to this name alone exceed Route 53's batch limits")));
        foreach (var batch in batches)
        {
            if (outcome.Error is not null)
            {
                outcome.NotTried.AddRange(batch);
                continue;
            }

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
            onCall?.Invoke("ChangeResourceRecordSets");
            await route53.ChangeResourceRecordSetsAsync(zoneId, [.. batch.SelectMany(g => g.Changes)], "dns-controller", cancellationToken).ConfigureAwait(false);
            outcome.Applied.AddRange(batch);
        }
        catch (AwsServiceException refused) when (refused.Code is "InvalidChangeBatch" or "InvalidInput")
        {
            if (batch.Count == 1)
            {
                outcome.Refused.Add((batch[0], refused.AwsMessage));
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
