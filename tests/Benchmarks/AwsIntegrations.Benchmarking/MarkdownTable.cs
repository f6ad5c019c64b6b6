using System.Text;

namespace AwsIntegrations.Benchmarking;

/// <summary>A Markdown table printed to standard output; run.sh copies it verbatim into RESULTS.md.</summary>
public sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public MarkdownTable(params string[] headers)
    {
        _headers = headers;
    }

    public MarkdownTable Add(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"a row of {_headers.Length} cells expected, got {cells.Length}");
        }

        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", _headers).AppendLine(" |");
        text.Append('|').AppendJoin("|", _headers.Select(_ => "---")).AppendLine("|");
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        }

        return text.ToString();
    }

    public void Print(string? title = null)
    {
        if (title is not null)
        {
            Console.WriteLine();
            Console.WriteLine($"### {title}");
            Console.WriteLine();
        }

        Console.Write(ToString());
    }
}
