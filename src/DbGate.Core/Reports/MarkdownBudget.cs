using System.Text;

namespace DbGate.Core.Reports;

/// <summary>
/// Accumulates Markdown up to a byte limit (GitHub refuses a step summary over 1 MiB). Optional blocks are refused
/// once the limit is near; the few required ones (closing tags, truncation notes) always fit in the reserve.
/// </summary>
internal sealed class MarkdownBudget(int maxBytes)
{
    private const int Reserve = 4 * 1024;

    private readonly StringBuilder _text = new();
    private int _bytes;

    private bool TryAppend(string block)
    {
        var size = Encoding.UTF8.GetByteCount(block);
        if (_bytes + size > maxBytes - Reserve)
            return false;
        Add(block, size);
        return true;
    }

    /// <summary>Appends blocks in order until one does not fit; returns how many went in.</summary>
    public int AppendWhileRoom(IEnumerable<string> blocks)
    {
        var count = 0;
        foreach (var block in blocks)
        {
            if (!TryAppend(block))
                break;
            count++;
        }
        return count;
    }

    public void Append(string block) => Add(block, Encoding.UTF8.GetByteCount(block));

    public override string ToString() => _text.ToString();

    private void Add(string block, int size)
    {
        _text.Append(block);
        _bytes += size;
    }
}
