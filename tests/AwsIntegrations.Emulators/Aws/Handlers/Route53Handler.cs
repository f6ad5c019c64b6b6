namespace AwsIntegrations.Emulators.Aws;

public static class Route53Handler
{
    public static string OperationOf(string method, string path) => method + " " + path;

    public static WireResponse Handle(AwsCall call, AwsState state) =>
        throw new AwsFault("InvalidAction", $"{call.Operation} is not emulated in {state.Region}");
}
