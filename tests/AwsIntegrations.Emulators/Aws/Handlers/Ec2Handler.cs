namespace AwsIntegrations.Emulators.Aws;

public static class Ec2Handler
{
    public static WireResponse Handle(AwsCall call, AwsState state) =>
        throw new AwsFault("InvalidAction", $"{call.Operation} is not emulated in {state.Region}");
}
