namespace AwsIntegrations.Router.Eskip;

/// <summary>One token: its kind, its value (unescaped for strings and regular expressions) and where it started.</summary>
public readonly record struct Token(TokenKind Kind, string Value, int Position);
