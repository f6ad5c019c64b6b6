namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// One request the emulator answered: which service and operation, the result (Success or the AWS error code),
/// the HTTP status, the caller (User-Agent, access key) and the request/response as they were on the wire (for contract checks).
/// </summary>
public sealed record RecordedCall(
    string Service,
    string Operation,
    string Result,
    int StatusCode,
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    string RequestBody,
    string ResponseBody)
{
    /// <summary>The caller's User-Agent header (the suite's services name themselves in it).</summary>
    public string UserAgent { get; init; } = "";

    /// <summary>The access key that signed the call (null for unsigned calls).</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The role session that signed the call (arn:aws:sts::…:assumed-role/role/session); null for unrestricted keys.</summary>
    public string? Principal { get; init; }

    /// <summary>The IAM decisions made for the call, in order (none for unrestricted keys).</summary>
    public IReadOnlyList<AuthorizationRecord> Authorizations { get; init; } = [];

    public bool Succeeded => Result == "Success";
}
