using System.Text;

namespace Genomics.Vcf;

/// <summary>Typed INFO and FORMAT values: parsing one value into a slot, and the value rules of reserved keys.</summary>
internal sealed partial class VcfRecordParser
{
    /// <summary>Where a value is, for messages: the INFO key, or the sample and FORMAT key (built only when something is wrong).</summary>
    private string Where(VcfFieldDefinition definition, int sample) =>
        sample < 0 ? $"INFO {definition.Id}" : $"sample {SampleName(sample)}: FORMAT {definition.Id}";

    /// <summary>Parses <paramref name="text"/> (not '.') as <paramref name="definition"/>'s type and appends it.</summary>
    private void AppendValue(VcfValues values, ReadOnlySpan<byte> text, VcfFieldDefinition definition, int sample)
    {
        switch (values)
        {
            case IntegerValues integers:
                integers.Append(ParseInteger(text, definition, sample));
                break;
            case FloatValues floats:
                floats.Append(ParseFloat(text, definition, sample));
                break;
            case StringValues strings:
                CheckText(text, definition, sample);
                strings.Append(text);
                break;
            default:
                throw new InvalidOperationException($"{definition} cannot hold values");
        }
    }

    /// <summary>Parses <paramref name="text"/> (not '.') into slot <paramref name="slot"/> of a numeric column.</summary>
    private void SetValue(VcfValues values, int slot, ReadOnlySpan<byte> text, VcfFieldDefinition definition, int sample)
    {
        if (values is IntegerValues integers)
        {
            integers.Set(slot, ParseInteger(text, definition, sample));
        }
        else
        {
            ((FloatValues)values).Set(slot, ParseFloat(text, definition, sample));
        }
    }

    private long ParseInteger(ReadOnlySpan<byte> text, VcfFieldDefinition definition, int sample)
    {
        if (!VcfText.TryParseInteger(text, out var value))
        {
            throw Fail($"{Where(definition, sample)}: {Quote(text)} is not an integer (Type=Integer)");
        }

        if (value < 0 && definition.Reserved is { NonNegative: true })
        {
            throw Fail($"{Where(definition, sample)}: {value} is negative, which {definition.Id} cannot be");
        }

        return value;
    }

    private float ParseFloat(ReadOnlySpan<byte> text, VcfFieldDefinition definition, int sample)
    {
        if (!VcfText.TryParseFloat(text, out var value))
        {
            throw Fail($"{Where(definition, sample)}: {Quote(text)} is not a number (Type=Float)");
        }

        if (value < 0 && definition.Reserved is { NonNegative: true })
        {
            throw Fail($"{Where(definition, sample)}: {Encoding.UTF8.GetString(text)} is negative, which {definition.Id} cannot be");
        }

        return value;
    }

    private void CheckText(ReadOnlySpan<byte> text, VcfFieldDefinition definition, int sample)
    {
        if (definition.Type == VcfValueType.Character && Encoding.UTF8.GetCharCount(text) != 1)
        {
            throw Fail($"{Where(definition, sample)}: {Quote(text)} is not a single character (Type=Character)");
        }

        if (definition.Reserved is { IsCigar: true } && !IsCigar(text))
        {
            throw Fail($"{Where(definition, sample)}: {Quote(text)} is not a CIGAR string (counts each followed by one of M, I, D, N, S, H, P, =, X)");
        }
    }

    private static bool IsCigar(ReadOnlySpan<byte> text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                digits++;
            }
            else if (digits > 0 && "MIDNSHP=X"u8.Contains(c))
            {
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        return !text.IsEmpty && digits == 0;
    }

    /// <summary>
    /// A list field whose value count disagrees with its Number: an error, or with <see cref="VcfReaderOptions.StrictValueCounts"/>
    /// off, a warning (once per key) and the values kept as written.
    /// </summary>
    private void CountMismatch(int sample, VcfFieldDefinition definition, int count, ReadOnlySpan<byte> value, string expectation)
    {
        var message = $"{Where(definition, sample)} has {count} value{(count == 1 ? "" : "s")} {Quote(value)}; {expectation}";
        if (strictCounts)
        {
            throw Fail(message);
        }

        warnings.Warn($"count {definition.Scope} {definition.Id}", lineNumber, $"{message} (kept as written; later mismatches of this key are not reported)");
    }

    /// <summary>
    /// The count a list field must have at this site, or null when its Number does not fix one. Number=A and R are not
    /// held at sites without ALT alleles: tools write site-level values there, and the VCF test suite's valid files do too.
    /// </summary>
    private static int? ExpectedCount(VcfNumber number, int altCount) => number.Kind switch
    {
        VcfNumberKind.Fixed => number.Count,
        VcfNumberKind.AltAlleles when altCount > 0 => altCount,
        VcfNumberKind.Alleles when altCount > 0 => altCount + 1,
        _ => null,
    };

    /// <summary>How many comma-separated values <paramref name="text"/> holds.</summary>
    private static int CountValues(ReadOnlySpan<byte> text) => text.Count((byte)',') + 1;

    private static string DescribeNumber(VcfNumber number, int altCount) => number.Kind switch
    {
        VcfNumberKind.AltAlleles => $"Number=A: one per ALT allele, {altCount} here",
        VcfNumberKind.Alleles => $"Number=R: one per allele, {altCount + 1} here",
        VcfNumberKind.Genotypes => "Number=G: one per possible genotype",
        _ => $"Number={number}",
    };
}
