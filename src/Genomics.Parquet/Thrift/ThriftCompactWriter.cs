using System.Text;

namespace Genomics.Parquet.Thrift;

/// <summary>
/// Writes Thrift compact-protocol structs. Field ids are delta-encoded against the previous field of the
/// same struct, so nested structs save and restore the last id.
/// </summary>
internal sealed class ThriftCompactWriter
{
    private readonly ByteBuffer _out;
    private readonly Stack<short> _lastIds = new();
    private short _lastId;

    public ThriftCompactWriter(ByteBuffer output)
    {
        _out = output;
    }

    public void BeginStruct()
    {
        _lastIds.Push(_lastId);
        _lastId = 0;
    }

    public void EndStruct()
    {
        _out.WriteByte((byte)ThriftType.Stop);
        _lastId = _lastIds.Pop();
    }

    /// <summary>Writes a field header whose value (a struct) follows; call <see cref="EndStruct"/> after it.</summary>
    public void BeginStructField(short id)
    {
        FieldHeader(id, ThriftType.Struct);
        BeginStruct();
    }

    public void WriteBool(short id, bool value) => FieldHeader(id, value ? ThriftType.BooleanTrue : ThriftType.BooleanFalse);

    public void WriteByte(short id, sbyte value)
    {
        FieldHeader(id, ThriftType.Byte);
        _out.WriteByte((byte)value);
    }

    public void WriteI16(short id, short value)
    {
        FieldHeader(id, ThriftType.I16);
        WriteVarint(value);
    }

    public void WriteI32(short id, int value)
    {
        FieldHeader(id, ThriftType.I32);
        WriteVarint(value);
    }

    public void WriteI64(short id, long value)
    {
        FieldHeader(id, ThriftType.I64);
        WriteVarint(value);
    }

    public void WriteDouble(short id, double value)
    {
        FieldHeader(id, ThriftType.Double);
        Span<byte> b = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(b, value);
        _out.Write(b);
    }

    public void WriteBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, ThriftType.Binary);
        WriteBinaryValue(value);
    }

    public void WriteString(short id, string value)
    {
        FieldHeader(id, ThriftType.Binary);
        WriteStringValue(value);
    }

    /// <summary>Writes a list field header; the caller then writes exactly <paramref name="count"/> element values.</summary>
    public void BeginList(short id, ThriftType elementType, int count)
    {
        FieldHeader(id, ThriftType.List);
        ListHeader(elementType, count);
    }

    public void ListHeader(ThriftType elementType, int count)
    {
        if (count < 15)
        {
            _out.WriteByte((byte)((count << 4) | (byte)elementType));
        }
        else
        {
            _out.WriteByte((byte)(0xF0 | (byte)elementType));
            _out.WriteUleb128((uint)count);
        }
    }

    public void WriteVarint(long value) => _out.WriteUleb128(ZigZag.Encode(value));

    public void WriteBinaryValue(ReadOnlySpan<byte> value)
    {
        _out.WriteUleb128((uint)value.Length);
        _out.Write(value);
    }

    public void WriteStringValue(string value)
    {
        var n = Encoding.UTF8.GetByteCount(value);
        _out.WriteUleb128((uint)n);
        var span = _out.GetSpan(n);
        Encoding.UTF8.GetBytes(value, span);
        _out.Advance(n);
    }

    /// <summary>A bool list element: one byte, 1 for true and 2 for false (what Java's implementation writes).</summary>
    public void WriteBoolValue(bool value) => _out.WriteByte(value ? (byte)1 : (byte)2);

    private void FieldHeader(short id, ThriftType type)
    {
        var delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            _out.WriteByte((byte)((delta << 4) | (byte)type));
        }
        else
        {
            _out.WriteByte((byte)type);
            WriteVarint(id);
        }

        _lastId = id;
    }
}
