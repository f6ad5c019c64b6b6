using DnsController.Options;
using DnsController.Registry;

namespace DnsController.Planning;

public sealed record PlanSettings(string OwnerId, Policy Policy, TxtNameMapper Mapper);
