namespace Router.Eskip;

public enum ArgumentKind
{
    Number,
    String,
    Regexp,
}
