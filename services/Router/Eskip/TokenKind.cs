namespace AwsIntegrations.Router.Eskip;

/// <summary>The tokens of skipper's eskip language (eskip/lexer.go).</summary>
public enum TokenKind
{
    End,
    And,
    Any,
    Arrow,
    OpenParen,
    CloseParen,
    Colon,
    Comma,
    Semicolon,
    Number,
    String,
    Regexp,
    Symbol,
    Shunt,
    Loopback,
    Dynamic,
    Forward,
    OpenArrow,
    CloseArrow,
}
