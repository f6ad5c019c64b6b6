namespace AwsIntegrations.DnsController.Sources;

/// <summary>The record types the controller writes: A, AAAA and CNAME records, and TXT ownership records.</summary>
public static class RecordType
{
    public const string A = "A";
    public const string Aaaa = "AAAA";
    public const string Cname = "CNAME";
    public const string Txt = "TXT";
}
