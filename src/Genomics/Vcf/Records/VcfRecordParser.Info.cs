using System.Text;

namespace Genomics.Vcf;

/// <summary>The INFO column: ';'-separated key[=value] entries, typed by the header (or kept as strings).</summary>
internal sealed partial class VcfRecordParser
{
    private void ReadInfo(ReadOnlySpan<byte> text, int variant, int altCount)
    {
        if (VcfText.IsMissing(text))
        {
            return;
        }

        foreach (var range in text.Split((byte)';'))
        {
            var entry = text[range];
            if (entry.IsEmpty)
            {
                // An empty entry (";;" or a trailing ';') carries nothing; some tools write them.
                continue;
            }

            var equals = entry.IndexOf((byte)'=');
            var key = equals < 0 ? entry : entry[..equals];
            if (!VcfNames.IsValidInfoKey(key))
            {
                throw Fail($"INFO key {Quote(key)} is empty or contains whitespace, ',' or ';'");
            }

            var column = InfoColumn(key);
            if (column.LastVariant == variant)
            {
                throw Fail($"INFO lists {Encoding.UTF8.GetString(key)} twice");
            }

            column.LastVariant = variant;
            column.PadTo(variant);
            if (equals < 0)
            {
                ReadInfoWithoutValue(column);
            }
            else
            {
                ReadInfoValue(column, entry[(equals + 1)..], altCount);
            }
        }
    }

    /// <summary>A text value in double quotes is one value, commas and all (the VCF test suite's valid files write them so).</summary>
    private static bool IsQuoted(ReadOnlySpan<byte> value, VcfFieldDefinition definition) =>
        definition.Type == VcfValueType.String && value.Length >= 2 && value[0] == (byte)'"' && value[^1] == (byte)'"';

    /// <summary>An undeclared key without a reserved definition: its whole value is one string, commas and all.</summary>
    private static bool KeepsRawText(VcfFieldDefinition definition) => !definition.IsDeclared && definition.Reserved is null;

    private VcfInfoColumn InfoColumn(ReadOnlySpan<byte> key)
    {
        var index = catalog.FindOrAddInfo(key, lineNumber);
        if (index >= batch.InfoColumns.Count)
        {
            batch.SyncColumns(catalog.InfoFields, catalog.FormatFields);
        }

        return batch.InfoColumns[index];
    }

    private void ReadInfoWithoutValue(VcfInfoColumn column)
    {
        var definition = column.Definition;
        switch (column.Scalar)
        {
            case BooleanValues flags:
                flags.Append(true);
                break;
            case StringValues strings when !definition.IsDeclared:
                strings.Append([]);
                break;
            default:
                throw Fail($"INFO {definition.Id} has no value, but only flags may appear without '=' ({definition.Id} is Type={definition.Type})");
        }
    }

    private void ReadInfoValue(VcfInfoColumn column, ReadOnlySpan<byte> value, int altCount)
    {
        var definition = column.Definition;
        if (column.Scalar is BooleanValues flags)
        {
            // "DB=1" and "DB=0" appear in the wild (and in the VCF test suite's valid files); anything else is not a flag.
            if (value.Length != 1 || (value[0] != (byte)'0' && value[0] != (byte)'1'))
            {
                throw Fail($"INFO {definition.Id} is a flag but has the value {Quote(value)}");
            }

            flags.Append(value[0] == (byte)'1');
            return;
        }

        // "KEY=" holds nothing: a missing value (an empty string for text).
        var missing = VcfText.IsMissing(value) || (value.IsEmpty && column.Values is not StringValues);
        if (column.Scalar is { } scalar)
        {
            if (missing)
            {
                scalar.AppendNulls(1);
            }
            else if (!KeepsRawText(definition) && value.Contains((byte)',') && !IsQuoted(value, definition))
            {
                throw Fail($"INFO {definition.Id} has {CountValues(value)} values {Quote(value)}; Number=1 allows one");
            }
            else
            {
                AppendValue(scalar, value, definition, -1);
            }

            return;
        }

        var list = column.List!;
        if (missing)
        {
            list.EndList(false);
            return;
        }

        var count = CountValues(value);
        if (ExpectedCount(definition.Number, altCount) is { } expected && count != expected)
        {
            CountMismatch(-1, definition, count, value, DescribeNumber(definition.Number, altCount));
        }

        foreach (var range in value.Split((byte)','))
        {
            var item = value[range];
            if (VcfText.IsMissing(item))
            {
                list.Values.AppendNulls(1);
            }
            else
            {
                AppendValue(list.Values, item, definition, -1);
            }
        }

        list.EndList(true);
    }
}
