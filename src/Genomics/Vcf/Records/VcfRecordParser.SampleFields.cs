using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Genomics.Vcf;

/// <summary>
/// The per-sample loop of the general path, tuned for the usual FORMAT of genotype files (GT followed by a few
/// numbers): one pass over each sample's bytes, diploid calls and numbers written straight into their slots. Anything
/// unusual in a value (a count that does not fit, a bad number, a value beyond eight digits) hands that value to the
/// general parser, which writes the same slots or reports the error.
/// </summary>
internal sealed partial class VcfRecordParser
{
    private SampleField[] fields = new SampleField[8];

    private void PrepareFields(FormatLayout layout, int altCount)
    {
        if (fields.Length < layout.Columns.Length)
        {
            fields = new SampleField[layout.Columns.Length * 2];
        }

        for (var key = 0; key < layout.Columns.Length; key++)
        {
            var index = layout.Columns[key];
            if (index == FormatLayout.Genotype)
            {
                fields[key] = new SampleField { Kind = SampleFieldKind.Genotype };
                continue;
            }

            var column = batch.FormatColumns[index];
            var definition = column.Definition;
            var fixedCount = HasFixedCount(definition.Number, altCount) && !KeepsRawText(definition);
            fields[key] = new SampleField
            {
                Kind = !fixedCount ? SampleFieldKind.General
                    : column.List.Values is IntegerValues ? SampleFieldKind.FixedIntegers
                    : column.List.Values is FloatValues ? SampleFieldKind.FixedFloats
                    : SampleFieldKind.General,
                Column = column,
            };
            Refresh(ref fields[key]);
        }
    }

    /// <summary>Takes the column's current arrays and stride (after the general parser has run, they may have moved).</summary>
    private static void Refresh(ref SampleField field)
    {
        var column = field.Column!;
        field.RowStart = column.Slot(0, 0);
        field.Stride = column.Stride;
        switch (column.List.Values)
        {
            case IntegerValues { IsInt64: false } integers:
                field.Integers = integers.Int32Items;
                field.Validity = integers.ValidityItems;
                break;
            case FloatValues floats:
                field.Floats = floats.Items;
                field.Validity = floats.ValidityItems;
                break;
            default:
                // A row promoted to 64 bits goes on through the general parser.
                field.Kind = SampleFieldKind.General;
                break;
        }
    }

    private void ReadSample(ReadOnlySpan<byte> text, int sample, FormatLayout layout, int altCount)
    {
        if (text.IsEmpty)
        {
            throw Fail($"sample {SampleName(sample)} is empty (use '.' for missing data)");
        }

        var keys = layout.Columns.Length;
        var ploidy = 0;
        var at = 0;
        for (var key = 0; ; key++)
        {
            if (key == keys)
            {
                throw Fail($"sample {SampleName(sample)} has more ':'-separated fields than FORMAT's {keys} keys");
            }

            ref var field = ref fields[key];
            var end = -1;
            switch (field.Kind)
            {
                case SampleFieldKind.FixedIntegers:
                    end = TryIntegers(text, at, ref field, sample);
                    break;
                case SampleFieldKind.FixedFloats:
                    end = TryFloats(text, at, ref field, sample);
                    break;
                case SampleFieldKind.Genotype when at + 3 <= text.Length && (at + 3 == text.Length || text[at + 3] == (byte)':')
                    && TryDiploid(text.Slice(at, 3), altCount, out var first, out var second, out var phased):
                    batch.Genotypes.EnsurePloidy(2);
                    batch.Genotypes.SetDiploidCall(sample, first, second, phased);
                    ploidy = 2;
                    end = at + 3;
                    break;
                default:
                    break;
            }

            if (end < 0)
            {
                end = FieldEnd(text, at);
                var value = text[at..end];
                if (field.Kind == SampleFieldKind.Genotype)
                {
                    ploidy = ReadGenotype(value, sample, altCount);
                }
                else
                {
                    ReadFormatValue(field.Column!, value, sample, ploidy, altCount);
                    if (field.Kind != SampleFieldKind.General)
                    {
                        Refresh(ref field);
                    }
                }
            }

            // Trailing fields may be dropped: their values stay null.
            if (end == text.Length)
            {
                return;
            }

            at = end + 1;
        }
    }

    private static int FieldEnd(ReadOnlySpan<byte> text, int at)
    {
        var colon = text[at..].IndexOf((byte)':');
        return colon < 0 ? text.Length : at + colon;
    }

    /// <summary>
    /// Reads ','-separated unsigned integers of up to seven digits from <paramref name="at"/> to the next ':' into the
    /// sample's slots; '.' leaves a slot null. Returns where the value ends, or -1 when it needs the general parser
    /// (signs, longer numbers, wrong counts, anything else). <paramref name="text"/> must lie in the line reader's
    /// buffer, which keeps <see cref="VcfLineReader.Padding"/> readable bytes after every line: each number and the
    /// byte after it come from one eight-byte read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TryIntegers(ReadOnlySpan<byte> text, int at, ref SampleField field, int sample)
    {
        ref var start = ref MemoryMarshal.GetReference(text);
        var first = field.RowStart + (sample * field.Stride);
        var slot = first;
        var last = first + field.Stride;
        var values = field.Integers!;
        var validity = field.Validity!;
        var anyValue = false;
        while (slot < last)
        {
            var chunk = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, at));
            var digits = ParseDigits(chunk, out var value);
            if (digits is > 0 and < 8)
            {
                values[slot] = value;
                validity[slot] = true;
                anyValue = true;
            }
            else if ((byte)chunk == (byte)'.')
            {
                digits = 1;
            }
            else
            {
                return -1;
            }

            slot++;
            at += digits;
            var next = (byte)(chunk >> (digits << 3));
            if (at >= text.Length || next == (byte)':')
            {
                // A lone '.' stands for all of a field's values.
                return at <= text.Length && (slot == last || (!anyValue && slot == first + 1)) ? at : -1;
            }

            if (next != (byte)',')
            {
                return -1;
            }

            at++;
        }

        return -1;
    }

    /// <summary>
    /// The leading decimal digits of eight bytes (the first byte lowest), without a branch per digit: how many there
    /// are (8 means the run may go on) and their value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ParseDigits(ulong chunk, out int value)
    {
        var digits = chunk ^ 0x3030_3030_3030_3030UL;

        // A byte is not a digit when its high nibble is set or its low nibble is above 9.
        var notDigit = (digits | ((digits & 0x0F0F_0F0F_0F0F_0F0FUL) + 0x0606_0606_0606_0606UL)) & 0xF0F0_F0F0_F0F0_F0F0UL;
        var count = BitOperations.TrailingZeroCount(notDigit) >> 3;
        if (count == 0)
        {
            value = 0;
            return 0;
        }

        // Left-align the digits (zeros in front change nothing), then combine pairs, quads and halves.
        digits <<= (8 - count) << 3;
        digits = ((digits & 0x0F0F_0F0F_0F0F_0F0FUL) * 2561) >> 8;
        digits = ((digits & 0x00FF_00FF_00FF_00FFUL) * 6553601) >> 16;
        value = (int)(((digits & 0x0000_FFFF_0000_FFFFUL) * 42949672960001UL) >> 32);
        return count;
    }

    /// <summary>As <see cref="TryIntegers"/>, for floats.</summary>
    private static int TryFloats(ReadOnlySpan<byte> text, int at, ref SampleField field, int sample)
    {
        var slot = field.RowStart + (sample * field.Stride);
        var last = slot + field.Stride;
        var onlyMissing = true;
        while (true)
        {
            var end = at;
            while (end < text.Length && text[end] != (byte)',' && text[end] != (byte)':')
            {
                end++;
            }

            var piece = text[at..end];
            if (!VcfText.IsMissing(piece))
            {
                if (slot >= last || !VcfText.TryParseFloat(piece, out var value))
                {
                    return -1;
                }

                field.Floats![slot] = value;
                field.Validity![slot] = true;
                onlyMissing = false;
            }

            slot++;
            if (end == text.Length || text[end] == (byte)':')
            {
                return slot == last || (onlyMissing && slot == last - field.Stride + 1) ? end : -1;
            }

            at = end + 1;
        }
    }
}
