namespace DbGate.Core.Seeding.Values;

/// <summary>
/// Lower-case words of a length within [min, max]: the first <c>width</c> letters spell the index in base 26 (so
/// distinct indexes give distinct strings, whatever follows), the rest is filler from the index's hash, so lengths
/// vary. Letters only: they pass the usual text CHECKs (non-empty, lower(x) = x) and need no quoting anywhere.
/// </summary>
internal sealed class TextDomain : IValueDomain<string>
{
    private const int Letters = 26;
    private readonly int _width;
    private readonly int _minLength;
    private readonly int _maxLength;
    private readonly ulong _stream;
    private readonly string _suffix;

    /// <param name="capacity">How many distinct values are needed: the code is made just wide enough for them.</param>
    /// <param name="email">Values shaped like addresses (<c>…@example.com</c>), when the length allows.</param>
    public TextDomain(int minLength, int maxLength, long capacity, bool email, ulong stream)
    {
        _stream = stream;
        _minLength = Math.Max(1, minLength);
        _maxLength = Math.Max(_minLength, maxLength);
        _suffix = email && _maxLength >= 20 ? "@example.com" : "";
        var room = _maxLength - _suffix.Length;
        // 13 letters already number more values than a long counts.
        var width = 1;
        for (var size = (long)Letters; width < Math.Min(room, 13) && size < Math.Max(capacity, 1000); size = Saturating.Multiply(size, Letters))
            width++;
        _width = width;
        var total = 1L;
        for (var i = 0; i < _width; i++)
            total = Saturating.Multiply(total, Letters);
        Size = total;
    }

    public long Size { get; }

    public string At(long index)
    {
        var bits = SeedHash.At(_stream, index);
        var bodyMin = Math.Max(_width, _minLength - _suffix.Length);
        var bodyMax = Math.Max(bodyMin, Math.Min(_maxLength - _suffix.Length, _width + 8));
        var length = bodyMin + (int)SeedHash.Below(bits, bodyMax - bodyMin + 1);
        return string.Create(length + _suffix.Length, (index, bits, this), static (span, state) =>
        {
            var (index, bits, domain) = state;
            var code = index;
            for (var i = domain._width - 1; i >= 0; i--)
            {
                span[i] = (char)('a' + code % Letters);
                code /= Letters;
            }
            var filler = SeedHash.Mix(bits);
            var body = span.Length - domain._suffix.Length;
            for (var i = domain._width; i < body; i++)
            {
                span[i] = (char)('a' + filler % Letters);
                filler = filler / Letters == 0 ? SeedHash.Mix(filler + (ulong)i) : filler / Letters;
            }
            domain._suffix.AsSpan().CopyTo(span[body..]);
        });
    }
}
