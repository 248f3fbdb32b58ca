using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using NpgsqlTypes;

namespace DbGate.Core.Seeding.Values;

internal sealed class BooleanDomain : IValueDomain<bool>
{
    public static readonly BooleanDomain Instance = new();

    public long Size => 2;

    public bool At(long index) => index == 1;
}

/// <summary>Version-4-shaped UUIDs; 64 of their bits are a bijection of the index, so distinct indexes never collide.</summary>
internal sealed class UuidDomain(ulong stream) : IValueDomain<Guid>
{
    public long Size => long.MaxValue;

    public Guid At(long index)
    {
        var unique = SeedHash.Mix((ulong)index ^ stream);
        var rest = SeedHash.At(stream, index);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, unique);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], rest);
        // The version and variant bits sit in bytes 6 and 8; move the unique bits they would cover to bytes 9-10.
        bytes[9] = bytes[6];
        bytes[10] = bytes[7];
        bytes[6] = (byte)(0x40 | (bytes[11] & 0x0F));
        bytes[7] = bytes[12];
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

/// <summary>Small JSON objects, distinct per index: <c>{"id": 17, "tag": "kqz"}</c>.</summary>
internal sealed class JsonDomain(TextDomain tags) : IValueDomain<string>
{
    public long Size => long.MaxValue;

    public string At(long index) => string.Create(CultureInfo.InvariantCulture, $"{{\"id\": {index}, \"tag\": \"{tags.At(index)}\"}}");
}

/// <summary>Two lexemes as tsvector text (<c>kqz wbo</c>), the first the index's own word.</summary>
internal sealed class TsVectorDomain(TextDomain words) : IValueDomain<string>
{
    public long Size => words.Size;

    public string At(long index) => $"{words.At(index)} {words.At(SeedHash.Below(SeedHash.Mix((ulong)index), words.Size))}";

    /// <summary>tsvector's binary form (tsvectorrecv): the count, then each lexeme NUL-terminated with no positions.</summary>
    public static byte[] Binary(string text)
    {
        var lexemes = text.Split(' ').Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var bytes = new MemoryStream();
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, lexemes.Count);
        bytes.Write(number);
        foreach (var lexeme in lexemes)
        {
            bytes.Write(System.Text.Encoding.UTF8.GetBytes(lexeme));
            bytes.Write([0, 0, 0]); // the terminator, then a 16-bit count of no positions
        }
        return bytes.ToArray();
    }
}

/// <summary>ltree label paths one or two deep (<c>kqz.wbo</c>), the last label the index's own word.</summary>
internal sealed class LTreeDomain(TextDomain words) : IValueDomain<string>
{
    public long Size => words.Size;

    public string At(long index) => index % 3 == 0 ? words.At(index) : $"{words.At(index % 7)}.{words.At(index)}";

    /// <summary>ltree's binary form (ltree_recv): a version byte, 1, then the text.</summary>
    public static byte[] Binary(string text) => [1, .. System.Text.Encoding.UTF8.GetBytes(text)];
}

/// <summary>Sixteen bytes: eight a bijection of the index, eight from its hash.</summary>
internal sealed class ByteaDomain(ulong stream) : IValueDomain<byte[]>
{
    public long Size => long.MaxValue;

    public byte[] At(long index)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, SeedHash.Mix((ulong)index ^ stream));
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), SeedHash.At(stream, index));
        return bytes;
    }
}

/// <summary>IPv4 addresses from 10.0.0.0 on (the whole space when more are needed), as inet or cidr /32.</summary>
internal sealed class InetDomain<T>(long capacity, Func<IPAddress, T> wrap) : IValueDomain<T>
{
    public long Size { get; } = capacity <= 1 << 24 ? 1 << 24 : 1L << 32;

    public T At(long index)
    {
        var address = (uint)(0x0A000000L + index);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return wrap(new IPAddress(bytes));
    }

    public static InetDomain<NpgsqlInet> Inet(long capacity) => new(capacity, a => new NpgsqlInet(a, 32));

    public static InetDomain<IPNetwork> Cidr(long capacity) => new(capacity, a => new IPNetwork(a, 32));
}

/// <summary>Locally administered MAC addresses (02:…), 40 bits of them the index.</summary>
internal sealed class MacAddressDomain : IValueDomain<PhysicalAddress>
{
    public static readonly MacAddressDomain Instance = new();

    public long Size => 1L << 40;

    public PhysicalAddress At(long index)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, index);
        bytes[2] = 0x02;
        return new PhysicalAddress(bytes[2..]);
    }
}

/// <summary>Arrays of one to three elements; the first element is the index's own, so distinct indexes differ.</summary>
internal sealed class ArrayDomain<T>(IValueDomain<T> elements, ulong stream) : IValueDomain<T[]>
{
    public long Size => elements.Size;

    public T[] At(long index)
    {
        var bits = SeedHash.At(stream, index);
        var array = new T[1 + (int)(bits % 3)];
        array[0] = elements.At(index);
        for (var i = 1; i < array.Length; i++)
            array[i] = elements.At(SeedHash.Below(SeedHash.At(SeedHash.Derive(stream, i), index), elements.Size));
        return array;
    }
}
