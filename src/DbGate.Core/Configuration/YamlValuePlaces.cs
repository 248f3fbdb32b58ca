using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DbGate.Core.Configuration;

/// <summary>
/// Where each character of one scalar value of dbgate.yml is written, so a place PostgreSQL gives in inline SQL
/// (a position in the value) becomes a line and column of the file. YAML changes only whitespace (folding, block
/// indentation), quotes and escapes between the file and the value, so the two are walked side by side: equal
/// characters are the same character, and what the file has beyond the value is skipped.
/// </summary>
public sealed class YamlValuePlaces
{
    private readonly (int Line, int Column)[] _places;

    private YamlValuePlaces((int Line, int Column)[] places) => _places = places;

    /// <summary>The line and column of the value's character at <paramref name="offset"/>; the value's length is just after its end.</summary>
    public (int Line, int Column) At(int offset) => _places[Math.Clamp(offset, 0, _places.Length - 1)];

    internal static YamlValuePlaces Of(YamlScalarNode node, SourceText source)
    {
        var value = node.Value ?? "";
        var raw = source.IndexOf(node.Start);
        var end = Math.Min(source.IndexOf(node.End), source.Text.Length);
        var text = source.Text;
        if (node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            raw = text.IndexOf('\n', raw) is var newline and >= 0 ? newline + 1 : end;
        else if (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
            raw++;
        var places = new (int, int)[value.Length + 1];
        for (var i = 0; i < value.Length; i++)
        {
            while (raw < end && text[raw] != value[i] && !(char.IsWhiteSpace(value[i]) && !char.IsWhiteSpace(text[raw])))
                raw++;
            places[i] = source.PlaceOf(Math.Min(raw, end));
            if (raw < end && text[raw] == value[i])
                raw++;
        }
        places[value.Length] = source.PlaceOf(Math.Min(raw, end));
        return new YamlValuePlaces(places);
    }

    /// <summary>dbgate.yml's text with the start of each line, to turn YamlDotNet's marks into offsets and back.</summary>
    internal sealed class SourceText
    {
        private readonly List<int> _lineStarts = [0];

        public SourceText(string text)
        {
            Text = text;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    _lineStarts.Add(i + 1);
            }
        }

        public string Text { get; }

        public int IndexOf(Mark mark) =>
            mark.Line - 1 < _lineStarts.Count ? _lineStarts[(int)mark.Line - 1] + (int)mark.Column - 1 : Text.Length;

        public (int Line, int Column) PlaceOf(int index)
        {
            var line = _lineStarts.BinarySearch(index);
            line = line >= 0 ? line : ~line - 1;
            return (line + 1, index - _lineStarts[line] + 1);
        }
    }
}
