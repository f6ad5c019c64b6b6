namespace AwsIntegrations.Router.Routing;

public static class PathElements
{
    /// <summary>"/foo//bar/" → ["foo", "bar"]: Prefix paths match element by element, ignoring empty elements and a trailing slash.</summary>
    public static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
