namespace AwsIntegrations.Router.Eskip;

public enum ArgumentKind
{
    Number,
    String,
    Regexp,
}
