namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// One request the emulator answered: which service and operation, the result (Success or the AWS error code),
/// the HTTP status, and the request/response as they were on the wire (for contract checks).
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
    public bool Succeeded => Result == "Success";
}
