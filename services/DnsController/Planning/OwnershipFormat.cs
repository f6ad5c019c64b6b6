namespace AwsIntegrations.DnsController.Planning;

/// <summary>Which of external-dns' TXT formats says who owns a record (registry/txt/registry.go Records, v0.22).</summary>
public enum OwnershipFormat
{
    /// <summary><c>&lt;type&gt;-name</c>: what external-dns writes since v0.12 and what DnsController writes.</summary>
    Current,

    /// <summary><c>cname-name</c> for an A ALIAS: how v0.14–v0.21 recorded alias records; v0.22 still reads it.</summary>
    AliasCname,

    /// <summary>The TXT at the record's own name (with the affixes): v0.11 and earlier, and beside the current one up to v0.17.</summary>
    SameName,
}
