using System.Globalization;

namespace AwsIntegrations.Router.Eskip;

/// <summary>
/// skipper's eskip grammar (eskip/parser.y) as a recursive-descent parser: a document is either one route without an id or
/// <c>id: route;</c> definitions; a route is <c>predicates -> [filters ->] backend</c>; predicates are joined by <c>&amp;&amp;</c>
/// (<c>*</c> matches everything), filters by <c>-></c>. Routes are checked as eskip.Parse checks them (the built-in
/// predicates' argument counts and duplicates); everything else is left to the route compiler.
/// </summary>
public sealed class EskipParser
{
    private readonly EskipLexer _lexer;
    private Token _current;

    private EskipParser(string code)
    {
        _lexer = new EskipLexer(code);
        _current = _lexer.Next();
    }

    /// <summary>A routes document (zalando.org/skipper-routes).</summary>
    public static IReadOnlyList<EskipRoute> ParseRoutes(string code)
    {
        var parser = new EskipParser(code);
        var routes = parser.Document();
        foreach (var route in routes)
        {
            RouteChecks.Check(route);
        }

        return routes;
    }

    /// <summary>Predicates joined by &amp;&amp; (zalando.org/skipper-predicate); <c>*</c> is dropped; empty text is no predicate.</summary>
    public static IReadOnlyList<EskipCall> ParsePredicates(string code)
    {
        var parser = new EskipParser(code);
        if (parser._current.Kind == TokenKind.End)
        {
            return [];
        }

        var predicates = parser.Predicates();
        parser.Expect(TokenKind.End);
        return predicates;
    }

    /// <summary>Filters joined by -> (zalando.org/skipper-filter); empty text is no filter.</summary>
    public static IReadOnlyList<EskipCall> ParseFilters(string code)
    {
        var parser = new EskipParser(code);
        var filters = new List<EskipCall>();
        if (parser._current.Kind == TokenKind.End)
        {
            return filters;
        }

        filters.Add(parser.Call());
        while (parser.Accept(TokenKind.Arrow))
        {
            filters.Add(parser.Call());
        }

        parser.Expect(TokenKind.End);
        return filters;
    }

    private List<EskipRoute> Document()
    {
        var routes = new List<EskipRoute>();
        if (_current.Kind == TokenKind.End)
        {
            return routes;
        }

        // One route without an id starts with a predicate name; definitions start with "id:".
        var first = _current.Kind == TokenKind.Symbol ? Advance().Value : null;
        if (first is null || !Accept(TokenKind.Colon))
        {
            routes.Add(Route("", first));
            Expect(TokenKind.End);
            return routes;
        }

        var id = first;
        while (true)
        {
            _lexer.LastRouteId = id;
            routes.Add(Route(id, null));
            if (_current.Kind == TokenKind.End)
            {
                return routes;
            }

            Expect(TokenKind.Semicolon);
            while (Accept(TokenKind.Semicolon))
            {
            }

            if (_current.Kind == TokenKind.End)
            {
                return routes;
            }

            id = Expect(TokenKind.Symbol).Value;
            Expect(TokenKind.Colon);
        }
    }

    /// <summary>A route; <paramref name="firstPredicate"/> is the name of its first predicate when the caller has read it already.</summary>
    private EskipRoute Route(string id, string? firstPredicate)
    {
        var predicates = Predicates(firstPredicate);
        Expect(TokenKind.Arrow);
        var filters = new List<EskipCall>();
        while (!IsBackendStart(_current.Kind))
        {
            filters.Add(Call());
            Expect(TokenKind.Arrow);
        }

        return new EskipRoute(id, predicates, filters, Backend());
    }

    private List<EskipCall> Predicates(string? firstName = null)
    {
        var predicates = new List<EskipCall>();
        if (firstName is not null)
        {
            predicates.Add(Call(firstName));
            if (!Accept(TokenKind.And))
            {
                return predicates;
            }
        }

        do
        {
            if (!Accept(TokenKind.Any))
            {
                predicates.Add(Call());
            }
        }
        while (Accept(TokenKind.And));

        return predicates;
    }

    private EskipCall Call(string? name = null)
    {
        name ??= Expect(TokenKind.Symbol).Value;
        Expect(TokenKind.OpenParen);
        var arguments = new List<EskipArgument>();
        if (!Accept(TokenKind.CloseParen))
        {
            do
            {
                arguments.Add(Argument());
            }
            while (Accept(TokenKind.Comma));

            Expect(TokenKind.CloseParen);
        }

        return new EskipCall(name, arguments);
    }

    private EskipArgument Argument()
    {
        var token = Advance();
        return token.Kind switch
        {
            TokenKind.Number => new EskipArgument(ArgumentKind.Number, token.Value, double.Parse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture)),
            TokenKind.String => new EskipArgument(ArgumentKind.String, token.Value, 0),
            TokenKind.Regexp => new EskipArgument(ArgumentKind.Regexp, token.Value, 0),
            _ => throw _lexer.Error(),
        };
    }

    private static bool IsBackendStart(TokenKind kind) =>
        kind is TokenKind.String or TokenKind.Shunt or TokenKind.Loopback or TokenKind.Dynamic or TokenKind.Forward or TokenKind.OpenArrow;

    private EskipBackend Backend()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case TokenKind.String: return new EskipBackend(BackendKind.Network, token.Value);
            case TokenKind.Shunt: return new EskipBackend(BackendKind.Shunt);
            case TokenKind.Loopback: return new EskipBackend(BackendKind.Loopback);
            case TokenKind.Dynamic: return new EskipBackend(BackendKind.Dynamic);
            case TokenKind.Forward: return new EskipBackend(BackendKind.Forward);
            case TokenKind.OpenArrow:
                var algorithm = "";
                if (_current.Kind == TokenKind.Symbol)
                {
                    algorithm = Advance().Value;
                    Expect(TokenKind.Comma);
                }

                var endpoints = new List<string> { Expect(TokenKind.String).Value };
                while (Accept(TokenKind.Comma))
                {
                    endpoints.Add(Expect(TokenKind.String).Value);
                }

                Expect(TokenKind.CloseArrow);
                return new EskipBackend(BackendKind.LoadBalanced, "", algorithm, endpoints);
            default:
                throw _lexer.Error();
        }
    }

    private Token Advance()
    {
        var token = _current;
        _current = token.Kind == TokenKind.End ? token : _lexer.Next();
        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (_current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        if (_current.Kind != kind)
        {
            throw _lexer.Error();
        }

        return Advance();
    }
}
