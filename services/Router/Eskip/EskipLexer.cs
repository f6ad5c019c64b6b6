using System.Text;

namespace AwsIntegrations.Router.Eskip;

/// <summary>
/// Splits eskip text into tokens the way skipper's lexer does (eskip/lexer.go): <c>//</c> comments, "double-quoted" and
/// `backtick` strings with backslash escapes, /regular expressions/ (a slash inside [...] does not end them), numbers with an
/// optional minus and one decimal point, and the fixed tokens <c>&amp;&amp; -> * ( ) , : ; &lt; &gt;</c> and <c>&lt;shunt&gt;</c> etc.
/// </summary>
public sealed class EskipLexer(string code)
{
    private static readonly (string Text, TokenKind Kind)[] Backends =
        [("<shunt>", TokenKind.Shunt), ("<loopback>", TokenKind.Loopback), ("<dynamic>", TokenKind.Dynamic), ("<forward>", TokenKind.Forward)];

    private int _position;
    private string _lastToken = "";

    public Token Next()
    {
        while (true)
        {
            SkipWhitespace();
            if (_position >= code.Length)
            {
                return new Token(TokenKind.End, "", _position);
            }

            if (code[_position] == '/' && _position + 1 < code.Length && code[_position + 1] == '/')
            {
                var newline = code.IndexOf('\n', _position);
                _position = newline < 0 ? code.Length : newline;
                continue;
            }

            var token = Scan();
            _lastToken = token.Value;
            return token;
        }
    }

    /// <summary>The id of the route being read, for error messages.</summary>
    public string LastRouteId { get; set; } = "";

    /// <summary>An error naming the last token read, the route and the position, worded as skipper's parser words it.</summary>
    public EskipSyntaxException Error() =>
        new($"parse failed after token {_lastToken}{(LastRouteId.Length > 0 ? ", last route id: " + LastRouteId : "")}, position {_position}: syntax error");

    private Token Scan()
    {
        var start = _position;
        var c = code[start];
        switch (c)
        {
            case ',': return Fixed(TokenKind.Comma, 1);
            case '(': return Fixed(TokenKind.OpenParen, 1);
            case ')': return Fixed(TokenKind.CloseParen, 1);
            case ':': return Fixed(TokenKind.Colon, 1);
            case ';': return Fixed(TokenKind.Semicolon, 1);
            case '>': return Fixed(TokenKind.CloseArrow, 1);
            case '*': return Fixed(TokenKind.Any, 1);
            case '&' when Peek(1) == '&': return Fixed(TokenKind.And, 2);
            case '-' when Peek(1) == '>': return Fixed(TokenKind.Arrow, 2);
            case '-' when IsNumberChar(Peek(1)): return ScanNumber();
            case '/': return ScanRegexp();
            case '"' or '`': return ScanString(c);
            case '<':
                foreach (var (text, kind) in Backends)
                {
                    if (string.CompareOrdinal(code, start, text, 0, text.Length) == 0)
                    {
                        return Fixed(kind, text.Length);
                    }
                }

                return Fixed(TokenKind.OpenArrow, 1);
        }

        if (IsNumberChar(c))
        {
            return ScanNumber();
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var end = start;
            while (end < code.Length && (char.IsAsciiLetterOrDigit(code[end]) || code[end] == '_'))
            {
                end++;
            }

            _position = end;
            return new Token(TokenKind.Symbol, code[start..end], start);
        }

        throw Error();
    }

    private char Peek(int offset) => _position + offset < code.Length ? code[_position + offset] : '\0';

    private Token Fixed(TokenKind kind, int length)
    {
        var token = new Token(kind, code.Substring(_position, length), _position);
        _position += length;
        return token;
    }

    private void SkipWhitespace()
    {
        while (_position < code.Length && code[_position] is ' ' or '\n' or '\t' or '\v' or '\f' or '\r' or '\u0085' or '\u00a0')
        {
            _position++;
        }
    }

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c == '.';

    private Token ScanNumber()
    {
        var start = _position;
        var i = code[start] == '-' ? start + 1 : start;
        var decimalPoint = false;
        for (; i < code.Length; i++)
        {
            if (code[i] == '.')
            {
                if (decimalPoint)
                {
                    break;
                }

                decimalPoint = true;
            }
            else if (!char.IsAsciiDigit(code[i]))
            {
                break;
            }
        }

        _position = i;
        if (code[i - 1] == '.')
        {
            throw Error();
        }

        return new Token(TokenKind.Number, code[start..i], start);
    }

    private Token ScanString(char delimiter)
    {
        var start = _position;
        var text = new StringBuilder();
        var escaped = false;
        for (var i = start + 1; i < code.Length; i++)
        {
            var c = code[i];
            if (escaped)
            {
                text.Append(c switch
                {
                    'a' => "\a",
                    'b' => "\b",
                    'f' => "\f",
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    'v' => "\v",
                    '\\' => "\\",
                    _ when c == delimiter => c.ToString(),
                    _ => "\\" + c,
                });
                escaped = false;
            }
            else if (c == delimiter)
            {
                _position = i + 1;
                return new Token(TokenKind.String, text.ToString(), start);
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else
            {
                text.Append(c);
            }
        }

        _position = code.Length;
        throw Error();
    }

    // A slash ends the expression unless escaped or inside [...]; "\/" becomes "/" and "\\" a single backslash (as skipper).
    private Token ScanRegexp()
    {
        var start = _position;
        var text = new StringBuilder();
        var escaped = false;
        var inGroup = false;
        for (var i = start + 1; i < code.Length; i++)
        {
            var c = code[i];
            if (!escaped && !inGroup && c == '[')
            {
                inGroup = true;
            }
            else if (!escaped && inGroup && c == ']')
            {
                inGroup = false;
            }

            if (escaped)
            {
                if (c != '/' && c != '\\')
                {
                    text.Append('\\');
                }

                text.Append(c);
                escaped = false;
            }
            else if (c == '/' && !inGroup)
            {
                _position = i + 1;
                return new Token(TokenKind.Regexp, text.ToString(), start);
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else
            {
                text.Append(c);
            }
        }

        _position = code.Length;
        throw Error();
    }
}
