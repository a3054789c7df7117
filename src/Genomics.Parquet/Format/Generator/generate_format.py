#!/usr/bin/env python3
"""Generates the C# classes for the Parquet footer and page-header structs (Format/*.g.cs).

The field ids and types come from the Parquet format's Thrift definition (parquet.thrift); keeping them
in one table here makes each id visible in one place and keeps the read and write code symmetric.
Run from this folder: python3 generate_format.py
"""
import os

ENUMS = {
    "PhysicalType": [("Boolean", 0), ("Int32", 1), ("Int64", 2), ("Int96", 3), ("Float", 4), ("Double", 5), ("ByteArray", 6), ("FixedLenByteArray", 7)],
    "ConvertedType": [("Utf8", 0), ("Map", 1), ("MapKeyValue", 2), ("List", 3), ("Enum", 4), ("Decimal", 5), ("Date", 6), ("TimeMillis", 7), ("TimeMicros", 8),
                      ("TimestampMillis", 9), ("TimestampMicros", 10), ("Uint8", 11), ("Uint16", 12), ("Uint32", 13), ("Uint64", 14), ("Int8", 15), ("Int16", 16),
                      ("Int32", 17), ("Int64", 18), ("Json", 19), ("Bson", 20), ("Interval", 21)],
    "FieldRepetitionType": [("Required", 0), ("Optional", 1), ("Repeated", 2)],
    "Encoding": [("Plain", 0), ("PlainDictionary", 2), ("Rle", 3), ("BitPacked", 4), ("DeltaBinaryPacked", 5), ("DeltaLengthByteArray", 6), ("DeltaByteArray", 7),
                 ("RleDictionary", 8), ("ByteStreamSplit", 9)],
    "CompressionCodec": [("Uncompressed", 0), ("Snappy", 1), ("Gzip", 2), ("Lzo", 3), ("Brotli", 4), ("Lz4", 5), ("Zstd", 6), ("Lz4Raw", 7)],
    "PageType": [("DataPage", 0), ("IndexPage", 1), ("DictionaryPage", 2), ("DataPageV2", 3)],
    "BoundaryOrder": [("Unordered", 0), ("Ascending", 1), ("Descending", 2)],
}

# (id, name, kind, required). Kinds: i8 i16 i32 i64 bool string binary empty enum:X struct:X list:KIND
STRUCTS = {
    "FileMetaData": [(1, "Version", "i32", True), (2, "Schema", "list:struct:SchemaElement", True), (3, "NumRows", "i64", True),
                     (4, "RowGroups", "list:struct:RowGroup", True), (5, "KeyValueMetadata", "list:struct:KeyValue", False),
                     (6, "CreatedBy", "string", False), (7, "ColumnOrders", "list:struct:ColumnOrder", False)],
    "SchemaElement": [(1, "Type", "enum:PhysicalType", False), (2, "TypeLength", "i32", False), (3, "RepetitionType", "enum:FieldRepetitionType", False),
                      (4, "Name", "string", True), (5, "NumChildren", "i32", False), (6, "ConvertedType", "enum:ConvertedType", False),
                      (7, "Scale", "i32", False), (8, "Precision", "i32", False), (9, "FieldId", "i32", False), (10, "LogicalType", "struct:LogicalType", False)],
    "LogicalType": [(1, "String", "empty", False), (2, "Map", "empty", False), (3, "List", "empty", False), (4, "Enum", "empty", False),
                    (5, "Decimal", "struct:DecimalType", False), (6, "Date", "empty", False), (7, "Time", "struct:TimeType", False),
                    (8, "Timestamp", "struct:TimestampType", False), (10, "Integer", "struct:IntType", False), (11, "Unknown", "empty", False),
                    (12, "Json", "empty", False), (13, "Bson", "empty", False), (14, "Uuid", "empty", False), (15, "Float16", "empty", False)],
    "DecimalType": [(1, "Scale", "i32", True), (2, "Precision", "i32", True)],
    "TimeUnit": [(1, "Millis", "empty", False), (2, "Micros", "empty", False), (3, "Nanos", "empty", False)],
    "TimeType": [(1, "IsAdjustedToUtc", "bool", True), (2, "Unit", "struct:TimeUnit", True)],
    "TimestampType": [(1, "IsAdjustedToUtc", "bool", True), (2, "Unit", "struct:TimeUnit", True)],
    "IntType": [(1, "BitWidth", "i8", True), (2, "IsSigned", "bool", True)],
    "ColumnOrder": [(1, "TypeOrder", "empty", False)],
    "KeyValue": [(1, "Key", "string", True), (2, "Value", "string", False)],
    "RowGroup": [(1, "Columns", "list:struct:ColumnChunk", True), (2, "TotalByteSize", "i64", True), (3, "NumRows", "i64", True),
                 (4, "SortingColumns", "list:struct:SortingColumn", False), (5, "FileOffset", "i64", False),
                 (6, "TotalCompressedSize", "i64", False), (7, "Ordinal", "i16", False)],
    "SortingColumn": [(1, "ColumnIdx", "i32", True), (2, "Descending", "bool", True), (3, "NullsFirst", "bool", True)],
    "ColumnChunk": [(1, "FilePath", "string", False), (2, "FileOffset", "i64", True), (3, "MetaData", "struct:ColumnMetaData", False),
                    (4, "OffsetIndexOffset", "i64", False), (5, "OffsetIndexLength", "i32", False),
                    (6, "ColumnIndexOffset", "i64", False), (7, "ColumnIndexLength", "i32", False)],
    "ColumnMetaData": [(1, "Type", "enum:PhysicalType", True), (2, "Encodings", "list:enum:Encoding", True), (3, "PathInSchema", "list:string", True),
                       (4, "Codec", "enum:CompressionCodec", True), (5, "NumValues", "i64", True), (6, "TotalUncompressedSize", "i64", True),
                       (7, "TotalCompressedSize", "i64", True), (8, "KeyValueMetadata", "list:struct:KeyValue", False),
                       (9, "DataPageOffset", "i64", True), (10, "IndexPageOffset", "i64", False), (11, "DictionaryPageOffset", "i64", False),
                       (12, "Statistics", "struct:Statistics", False), (13, "EncodingStats", "list:struct:PageEncodingStats", False),
                       (14, "BloomFilterOffset", "i64", False), (15, "BloomFilterLength", "i32", False)],
    "PageEncodingStats": [(1, "PageType", "enum:PageType", True), (2, "Encoding", "enum:Encoding", True), (3, "Count", "i32", True)],
    "Statistics": [(1, "Max", "binary", False), (2, "Min", "binary", False), (3, "NullCount", "i64", False), (4, "DistinctCount", "i64", False),
                   (5, "MaxValue", "binary", False), (6, "MinValue", "binary", False), (7, "IsMaxValueExact", "bool", False), (8, "IsMinValueExact", "bool", False)],
    "PageHeader": [(1, "Type", "enum:PageType", True), (2, "UncompressedPageSize", "i32", True), (3, "CompressedPageSize", "i32", True),
                   (4, "Crc", "i32", False), (5, "DataPageHeader", "struct:DataPageHeader", False),
                   (7, "DictionaryPageHeader", "struct:DictionaryPageHeader", False), (8, "DataPageHeaderV2", "struct:DataPageHeaderV2", False)],
    "DataPageHeader": [(1, "NumValues", "i32", True), (2, "Encoding", "enum:Encoding", True), (3, "DefinitionLevelEncoding", "enum:Encoding", True),
                       (4, "RepetitionLevelEncoding", "enum:Encoding", True), (5, "Statistics", "struct:Statistics", False)],
    "DictionaryPageHeader": [(1, "NumValues", "i32", True), (2, "Encoding", "enum:Encoding", True), (3, "IsSorted", "bool", False)],
    "DataPageHeaderV2": [(1, "NumValues", "i32", True), (2, "NumNulls", "i32", True), (3, "NumRows", "i32", True), (4, "Encoding", "enum:Encoding", True),
                         (5, "DefinitionLevelsByteLength", "i32", True), (6, "RepetitionLevelsByteLength", "i32", True),
                         (7, "IsCompressed", "bool", False), (8, "Statistics", "struct:Statistics", False)],
    "ColumnIndex": [(1, "NullPages", "list:bool", True), (2, "MinValues", "list:binary", True), (3, "MaxValues", "list:binary", True),
                    (4, "BoundaryOrder", "enum:BoundaryOrder", True), (5, "NullCounts", "list:i64", False)],
    "OffsetIndex": [(1, "PageLocations", "list:struct:PageLocation", True)],
    "PageLocation": [(1, "Offset", "i64", True), (2, "CompressedPageSize", "i32", True), (3, "FirstRowIndex", "i64", True)],
}

SCALAR = {"i8": "sbyte", "i16": "short", "i32": "int", "i64": "long", "bool": "bool", "string": "string", "binary": "byte[]", "empty": "bool"}
THRIFT = {"i8": "Byte", "i16": "I16", "i32": "I32", "i64": "I64", "bool": "BooleanTrue", "string": "Binary", "binary": "Binary", "empty": "Struct"}


def cs_type(kind):
    if kind.startswith("list:"):
        return f"List<{cs_type(kind[5:])}>"
    if kind.startswith("enum:") or kind.startswith("struct:"):
        return kind.split(":", 1)[1]
    return SCALAR[kind]


def thrift_type(kind):
    if kind.startswith("list:"):
        return "List"
    if kind.startswith("enum:"):
        return "I32"
    if kind.startswith("struct:"):
        return "Struct"
    return THRIFT[kind]


def is_ref(kind):
    return kind.startswith("list:") or kind.startswith("struct:") or kind in ("string", "binary")


def write_value(kind, expr):
    """Statement writing a list element value."""
    if kind.startswith("enum:"):
        return f"w.WriteVarint((int){expr});"
    if kind.startswith("struct:"):
        return f"w.BeginStruct(); {expr}.WriteFields(w); w.EndStruct();"
    return {"i32": f"w.WriteVarint({expr});", "i64": f"w.WriteVarint({expr});", "i16": f"w.WriteVarint({expr});",
            "string": f"w.WriteStringValue({expr});", "binary": f"w.WriteBinaryValue({expr});", "bool": f"w.WriteBoolValue({expr});"}[kind]


def read_value(kind):
    """Expression reading a list element value (reader r, element type et)."""
    if kind.startswith("enum:"):
        return f"({kind[5:]})r.ReadI32(et)"
    if kind.startswith("struct:"):
        return f"{kind[7:]}.Read(r)"
    return {"i32": "r.ReadI32(et)", "i64": "r.ReadI64(et)", "i16": "(short)r.ReadI32(et)", "string": "System.Text.Encoding.UTF8.GetString(r.ReadBinaryValue().Span)",
            "binary": "r.ReadBinaryValue().ToArray()", "bool": "r.ReadBoolElement()"}[kind]


def gen_struct(name, fields):
    out = ["// <auto-generated> by Format/Generator/generate_format.py from the Parquet Thrift definition. </auto-generated>",
           "#nullable enable", "using Genomics.Parquet.Thrift;", "", "namespace Genomics.Parquet.Format;", "",
           f"/// <summary>The Parquet Thrift struct {name}.</summary>", f"public sealed partial class {name}", "{"]
    for fid, fname, kind, req in fields:
        t = cs_type(kind)
        if kind == "empty":
            out.append(f"    /// <summary>Field {fid}: set when this union member is present.</summary>")
            out.append(f"    public bool {fname} {{ get; set; }}")
        elif req:
            init = " = new();" if kind.startswith("list:") or kind.startswith("struct:") else (' = "";' if kind == "string" else (" = [];" if kind == "binary" else ""))
            out.append(f"    /// <summary>Field {fid} (required).</summary>")
            out.append(f"    public {t} {fname} {{ get; set; }}{init}")
        else:
            out.append(f"    /// <summary>Field {fid} (optional).</summary>")
            out.append(f"    public {t}? {fname} {{ get; set; }}")
        out.append("")
    # write
    out.append("    internal void WriteFields(ThriftCompactWriter w)")
    out.append("    {")
    for fid, fname, kind, req in fields:
        if kind == "empty":
            out.append(f"        if ({fname})")
            out.append("        {")
            out.append(f"            w.BeginStructField({fid});")
            out.append("            w.EndStruct();")
            out.append("        }")
            out.append("")
            continue
        val = fname if req else (f"{fname}" if is_ref(kind) else f"{fname}.Value")
        body = []
        if kind.startswith("list:"):
            ek = kind[5:]
            et = "BooleanTrue" if ek == "bool" else thrift_type(ek)
            body.append(f"w.BeginList({fid}, ThriftType.{et}, {val}.Count);")
            body.append(f"foreach (var item in {val})")
            body.append("{")
            body.append("    " + write_value(ek, "item"))
            body.append("}")
        elif kind.startswith("struct:"):
            body.append(f"w.BeginStructField({fid});")
            body.append(f"{val}.WriteFields(w);")
            body.append("w.EndStruct();")
        elif kind.startswith("enum:"):
            body.append(f"w.WriteI32({fid}, (int){val});")
        else:
            meth = {"i8": "WriteByte", "i16": "WriteI16", "i32": "WriteI32", "i64": "WriteI64", "bool": "WriteBool", "string": "WriteString", "binary": "WriteBinary"}[kind]
            body.append(f"w.{meth}({fid}, {val});")
        if req and is_ref(kind):
            out += ["        " + b for b in body]
        elif req:
            out += ["        " + b for b in body]
        else:
            out.append(f"        if ({fname} is not null)")
            out.append("        {")
            out += ["            " + b for b in body]
            out.append("        }")
        out.append("")
    if out[-1] == "":
        out.pop()
    out.append("    }")
    out.append("")
    # read
    out.append(f"    internal static {name} Read(ThriftCompactReader r)")
    out.append("    {")
    out.append(f"        var s = new {name}();")
    out.append("        r.BeginStruct();")
    out.append("        while (r.NextField(out var id, out var t))")
    out.append("        {")
    out.append("            switch (id)")
    out.append("            {")
    for fid, fname, kind, req in fields:
        out.append(f"                case {fid}:")
        if kind == "empty":
            out.append("                    r.Skip(t);")
            out.append(f"                    s.{fname} = true;")
        elif kind.startswith("list:"):
            ek = kind[5:]
            et = "BooleanTrue" if ek == "bool" else thrift_type(ek)
            out.append(f"                    s.{fname} = r.ReadList(t, ThriftType.{et}, static (r, et) => {read_value(ek)});")
        elif kind.startswith("struct:"):
            out.append("                    r.Expect(t, ThriftType.Struct);")
            out.append(f"                    s.{fname} = {kind[7:]}.Read(r);")
        elif kind.startswith("enum:"):
            out.append(f"                    s.{fname} = ({kind[5:]})r.ReadI32(t);")
        else:
            expr = {"i8": "r.ReadI8(t)", "i16": "(short)r.ReadI32(t)", "i32": "r.ReadI32(t)", "i64": "r.ReadI64(t)", "bool": "r.ReadBool(t)",
                    "string": "r.ReadString(t)", "binary": "r.ReadBinary(t).ToArray()"}[kind]
            out.append(f"                    s.{fname} = {expr};")
        out.append("                    break;")
    out.append("                default:")
    out.append("                    r.Skip(t);")
    out.append("                    break;")
    out.append("            }")
    out.append("        }")
    out.append("")
    out.append("        r.EndStruct();")
    out.append("        return s;")
    out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"


def gen_enum(name, members):
    out = ["// <auto-generated> by Format/Generator/generate_format.py from the Parquet Thrift definition. </auto-generated>",
           "namespace Genomics.Parquet.Format;", "", f"/// <summary>The Parquet Thrift enum {name}.</summary>", f"public enum {name}", "{"]
    for m, v in members:
        out.append(f"    {m} = {v},")
    out.append("}")
    return "\n".join(out) + "\n"


here = os.path.dirname(os.path.abspath(__file__))
target = os.path.dirname(here)
for n, m in ENUMS.items():
    open(os.path.join(target, n + ".g.cs"), "w").write(gen_enum(n, m))
for n, f in STRUCTS.items():
    open(os.path.join(target, n + ".g.cs"), "w").write(gen_struct(n, f))
