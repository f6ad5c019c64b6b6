namespace AwsIntegrations.Router.Filters;

public enum HeaderOperation
{
    SetRequest,
    AppendRequest,
    DropRequest,
    SetResponse,
    AppendResponse,
    DropResponse,
}
