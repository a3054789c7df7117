using System.Buffers.Binary;
using System.Text;

namespace Genomics.Parquet.Thrift;

/// <summary>
/// Reads Thrift compact-protocol structs from a buffer. Every read is bounds-checked and nesting is limited,
/// so a corrupt footer or page header gives a <see cref="ParquetFormatException"/>, never an out-of-range
/// access or unbounded recursion.
/// </summary>
internal sealed class ThriftCompactReader
{
    private const int MaxDepth = 64;

    private readonly ReadOnlyMemory<byte> _data;
    private readonly long _baseOffset;
    private readonly Stack<short> _lastIds = new();
    private short _lastId;
    private int _pos;
    private bool _pendingBool;

    /// <param name="data">The bytes holding the struct.</param>
    /// <param name="baseOffset">File offset of data[0], for error messages.</param>
    public ThriftCompactReader(ReadOnlyMemory<byte> data, long baseOffset)
    {
        _data = data;
        _baseOffset = baseOffset;
    }

    public int Position => _pos;

    public void BeginStruct()
    {
        if (_lastIds.Count >= MaxDepth)
        {
            throw Error("Thrift structs nested too deeply");
        }

        _lastIds.Push(_lastId);
        _lastId = 0;
    }

    public void EndStruct() => _lastId = _lastIds.Pop();

    /// <summary>Reads the next field header; returns false at the struct's stop byte.</summary>
    public bool NextField(out short id, out ThriftType type)
    {
        var b = ReadByte();
        if (b == 0)
        {
            id = 0;
            type = ThriftType.Stop;
            return false;
        }

        type = (ThriftType)(b & 0x0F);
        var delta = b >> 4;
        if (delta != 0)
        {
            id = (short)(_lastId + delta);
        }
        else
        {
            var raw = ReadVarint();
            if (raw is < short.MinValue or > short.MaxValue)
            {
                throw Error($"Thrift field id {raw} out of range");
            }

            id = (short)raw;
        }

        if (type is ThriftType.BooleanTrue or ThriftType.BooleanFalse)
        {
            _pendingBool = type == ThriftType.BooleanTrue;
        }
        else if (type > ThriftType.Struct)
        {
            throw Error($"unknown Thrift type {(int)type} for field {id}");
        }

        _lastId = id;
        return true;
    }

    public bool ReadBool(ThriftType type) => type switch
    {
        ThriftType.BooleanTrue or ThriftType.BooleanFalse => _pendingBool,
        _ => throw Error($"expected a bool field, found Thrift type {type}"),
    };

    /// <summary>A bool inside a list: one byte, 1 is true (0 and 2 are false).</summary>
    public bool ReadBoolElement() => ReadByte() == 1;

    public int ReadI32(ThriftType type)
    {
        Expect(type, ThriftType.I32, ThriftType.I16, ThriftType.Byte);
        if (type == ThriftType.Byte)
        {
            return (sbyte)ReadByte();
        }

        var v = ReadVarint();
        return v is < int.MinValue or > int.MaxValue ? throw Error($"Thrift i32 value {v} out of range") : (int)v;
    }

    public long ReadI64(ThriftType type)
    {
        Expect(type, ThriftType.I64, ThriftType.I32, ThriftType.I16);
        return ReadVarint();
    }

    public sbyte ReadI8(ThriftType type)
    {
        if (type == ThriftType.Byte)
        {
            return (sbyte)ReadByte();
        }

        var v = ReadI32(type);
        return v is < sbyte.MinValue or > sbyte.MaxValue ? throw Error($"Thrift i8 value {v} out of range") : (sbyte)v;
    }

    public double ReadDouble(ThriftType type)
    {
        Expect(type, ThriftType.Double);
        var span = Take(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(span);
    }

    public ReadOnlyMemory<byte> ReadBinary(ThriftType type)
    {
        Expect(type, ThriftType.Binary);
        return ReadBinaryValue();
    }

    public string ReadString(ThriftType type) => Encoding.UTF8.GetString(ReadBinary(type).Span);

    public ReadOnlyMemory<byte> ReadBinaryValue()
    {
        var len = ReadVarintUnsigned();
        if (len > (ulong)(_data.Length - _pos))
        {
            throw Error($"Thrift binary of {len} bytes runs past the end of its buffer");
        }

        var m = _data.Slice(_pos, (int)len);
        _pos += (int)len;
        return m;
    }

    /// <summary>Reads a list header (after a List field header, or nested).</summary>
    public int ReadListHeader(out ThriftType elementType)
    {
        var b = ReadByte();
        elementType = (ThriftType)(b & 0x0F);
        var count = (ulong)(b >> 4);
        if (count == 15)
        {
            count = ReadVarintUnsigned();
        }

        // Every element takes at least one byte, except empty structs in theory; a count larger than
        // the remaining bytes is corrupt and would otherwise allocate without bound.
        if (count > (ulong)(_data.Length - _pos) + 1)
        {
            throw Error($"Thrift list of {count} elements is longer than its buffer");
        }

        return (int)count;
    }

    public List<T> ReadList<T>(ThriftType fieldType, ThriftType expectedElement, Func<ThriftCompactReader, ThriftType, T> readElement)
    {
        Expect(fieldType, ThriftType.List, ThriftType.Set);
        var n = ReadListHeader(out var et);
        if (n > 0 && et != expectedElement && !(IsBool(et) && IsBool(expectedElement)) && !(IsInteger(et) && IsInteger(expectedElement)))
        {
            throw Error($"Thrift list holds type {et}, expected {expectedElement}");
        }

        var list = new List<T>(n);
        for (var i = 0; i < n; i++)
        {
            list.Add(readElement(this, et));
        }

        return list;
    }

    public List<T> ReadStructList<T>(ThriftType fieldType, Func<ThriftCompactReader, T> readStruct)
        => ReadList(fieldType, ThriftType.Struct, (r, _) => readStruct(r));

    /// <summary>Skips a value of the given type (unknown fields of newer format versions).</summary>
    public void Skip(ThriftType type) => Skip(type, 0);

    public ParquetFormatException Error(string message) => new($"corrupt Parquet metadata: {message}", _baseOffset + _pos);

    public void Expect(ThriftType actual, params ReadOnlySpan<ThriftType> allowed)
    {
        foreach (var t in allowed)
        {
            if (t == actual)
            {
                return;
            }
        }

        throw Error($"Thrift field {_lastId} has type {actual}, expected {allowed[0]}");
    }

    private static bool IsBool(ThriftType t) => t is ThriftType.BooleanTrue or ThriftType.BooleanFalse;

    private static bool IsInteger(ThriftType t) => t is ThriftType.I16 or ThriftType.I32 or ThriftType.I64;

    private void Skip(ThriftType type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("Thrift values nested too deeply");
        }

        switch (type)
        {
            case ThriftType.BooleanTrue:
            case ThriftType.BooleanFalse:
                break;
            case ThriftType.Byte:
                ReadByte();
                break;
            case ThriftType.I16:
            case ThriftType.I32:
            case ThriftType.I64:
                ReadVarint();
                break;
            case ThriftType.Double:
                Take(8);
                break;
            case ThriftType.Binary:
                ReadBinaryValue();
                break;
            case ThriftType.List:
            case ThriftType.Set:
                {
                    var n = ReadListHeader(out var et);
                    for (var i = 0; i < n; i++)
                    {
                        SkipElement(et, depth + 1);
                    }

                    break;
                }

            case ThriftType.Map:
                {
                    var n = ReadVarintUnsigned();
                    if (n == 0)
                    {
                        break;
                    }

                    if (n > (ulong)(_data.Length - _pos))
                    {
                        throw Error($"Thrift map of {n} entries is longer than its buffer");
                    }

                    var kv = ReadByte();
                    var kt = (ThriftType)(kv >> 4);
                    var vt = (ThriftType)(kv & 0x0F);
                    for (ulong i = 0; i < n; i++)
                    {
                        SkipElement(kt, depth + 1);
                        SkipElement(vt, depth + 1);
                    }

                    break;
                }

            case ThriftType.Struct:
                BeginStruct();
                while (NextField(out _, out var ft))
                {
                    Skip(ft, depth + 1);
                }

                EndStruct();
                break;
            default:
                throw Error($"unknown Thrift type {(int)type}");
        }
    }

    /// <summary>Skips a list, set or map element: inside containers a bool takes one byte, unlike a bool field.</summary>
    private void SkipElement(ThriftType type, int depth)
    {
        if (IsBool(type))
        {
            ReadByte();
        }
        else
        {
            Skip(type, depth);
        }
    }

    private byte ReadByte()
    {
        if (_pos >= _data.Length)
        {
            throw Error("Thrift data ends early");
        }

        return _data.Span[_pos++];
    }

    private ReadOnlySpan<byte> Take(int n)
    {
        if (_data.Length - _pos < n)
        {
            throw Error("Thrift data ends early");
        }

        var s = _data.Span.Slice(_pos, n);
        _pos += n;
        return s;
    }

    private long ReadVarint() => ZigZag.Decode(ReadVarintUnsigned());

    private ulong ReadVarintUnsigned()
    {
        ulong result = 0;
        var span = _data.Span;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_pos >= span.Length)
            {
                throw Error("Thrift varint runs past the end of its buffer");
            }

            var b = span[_pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw Error("Thrift varint longer than 10 bytes");
    }
}
