using System.Text;

namespace Genomics.Vcf;

/// <summary>The FORMAT column and the sample columns.</summary>
internal sealed partial class VcfRecordParser
{
    private readonly Utf8KeyMap layoutIndex = new();
    private readonly List<FormatLayout> layouts = [];

    private void ReadSamples(VcfLineReader lines, int variant, int altCount)
    {
        var line = lines.Line;
        var leading = lines.Tabs;
        var formatText = line[(leading[FixedColumns - 1] + 1)..leading[FixedColumns]];
        var samplesStart = leading[FixedColumns] + 1;
        var layout = Layout(formatText);
        var genotypes = batch.Genotypes;
        if (!layout.HasGenotype)
        {
            genotypes.AddRowWithoutCalls();
        }
        else
        {
            genotypes.BeginRow(packable: altCount == 1);
            if (layout.IsGenotypeOnly && TryFastGenotypes(line[samplesStart..], altCount))
            {
                genotypes.EndRow();
                return;
            }
        }

        var tabs = lines.ScanAllTabs();
        if (tabs.Length != FixedColumns + sampleCount)
        {
            throw ColumnCountError(tabs.Length + 1);
        }

        var columns = batch.FormatColumns;
        foreach (var index in layout.Columns)
        {
            if (index != FormatLayout.Genotype)
            {
                var definition = columns[index].Definition;
                var expected = definition.Number.ExpectedCount(altCount, 2) ?? 1;
                CheckRowSize(definition, expected);
                columns[index].BeginRow(variant, expected, HasFixedCount(definition.Number, altCount));
            }
        }

        if (layout.Columns.Length > 0)
        {
            PrepareFields(layout, altCount);
            var sampleTabs = tabs[FixedColumns..];
            for (var sample = 0; sample < sampleCount; sample++)
            {
                var end = sample + 1 < sampleTabs.Length ? sampleTabs[sample + 1] : line.Length;
                ReadSample(line[(sampleTabs[sample] + 1)..end], sample, layout, altCount);
            }
        }

        foreach (var index in layout.Columns)
        {
            if (index != FormatLayout.Genotype)
            {
                columns[index].EndRow();
            }
        }

        if (layout.HasGenotype)
        {
            genotypes.EndRow();
        }
    }

    /// <summary>
    /// Whether every sample must have exactly the count the Number gives (or one '.'). Number=A and R are not held at
    /// sites without ALT alleles, as for INFO.
    /// </summary>
    private static bool HasFixedCount(VcfNumber number, int altCount) =>
        number.Kind == VcfNumberKind.Fixed || (altCount > 0 && number.Kind is VcfNumberKind.AltAlleles or VcfNumberKind.Alleles);

    private void ReadFormatValue(VcfFormatColumn column, ReadOnlySpan<byte> value, int sample, int ploidy, int altCount)
    {
        if (VcfText.IsMissing(value))
        {
            return;
        }

        var definition = column.Definition;
        if (value.IsEmpty && definition.Type != VcfValueType.String)
        {
            // An empty field holds no values (VCF 4.5 writes empty local-allele lists this way).
            return;
        }

        var keepsRaw = KeepsRawText(definition);
        var count = keepsRaw ? 1 : CountValues(value);
        if (definition.Number.IsScalar && count > 1)
        {
            throw Fail($"sample {SampleName(sample)}: FORMAT {definition.Id} has {count} values {Quote(value)}; Number=1 allows one");
        }

        if (HasFixedCount(definition.Number, altCount))
        {
            if (count != column.Stride)
            {
                CountMismatch(sample, definition, count, value, DescribeNumber(definition.Number, altCount));
            }
        }
        else if (definition.Number.Kind == VcfNumberKind.Genotypes && ploidy > 0 && altCount > 0
            && count != VcfNumber.GenotypeCount(altCount + 1, ploidy))
        {
            CountMismatch(
                sample,
                definition,
                count,
                value,
                $"Number=G expects {VcfNumber.GenotypeCount(altCount + 1, ploidy)} for a ploidy-{ploidy} call with {altCount + 1} alleles");
        }

        CheckRowSize(definition, count);
        column.Fit(count);
        if (keepsRaw)
        {
            column.AddString(sample, 0, value);
            return;
        }

        var values = column.List.Values;
        var item = 0;
        foreach (var range in value.Split((byte)','))
        {
            var piece = value[range];
            if (!VcfText.IsMissing(piece))
            {
                if (values is StringValues)
                {
                    CheckText(piece, definition, sample);
                    column.AddString(sample, item, piece);
                }
                else
                {
                    SetValue(values, column.Slot(sample, item), piece, definition, sample);
                }
            }

            item++;
        }
    }

    private FormatLayout Layout(ReadOnlySpan<byte> text)
    {
        if (layoutIndex.TryGetValue(text, out var known))
        {
            return layouts[known];
        }

        var layout = BuildLayout(text);
        layoutIndex.Add(text, layouts.Count);
        layouts.Add(layout);
        return layout;
    }

    private FormatLayout BuildLayout(ReadOnlySpan<byte> text)
    {
        if (VcfText.IsMissing(text))
        {
            return FormatLayout.Empty;
        }

        var columns = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var strictKeys = header.Version >= VcfVersion.V43;
        foreach (var range in text.Split((byte)':'))
        {
            var key = text[range];
            if (key.IsEmpty)
            {
                throw Fail($"FORMAT {Quote(text)} has an empty key");
            }

            if (!(strictKeys ? VcfNames.IsValidFormatKey(key) : VcfNames.IsValidInfoKey(key)))
            {
                throw Fail($"FORMAT key {Quote(key)} is not valid (a letter or '_' first, then letters, digits, '_' or '.')");
            }

            if (!seen.Add(Encoding.UTF8.GetString(key)))
            {
                throw Fail($"FORMAT {Quote(text)} lists {Quote(key)} twice");
            }

            if (key.SequenceEqual("GT"u8))
            {
                if (columns.Count > 0)
                {
                    throw Fail($"FORMAT {Quote(text)}: GT must be the first key");
                }

                columns.Add(FormatLayout.Genotype);
                continue;
            }

            var index = catalog.FindOrAddFormat(key, lineNumber);
            if (index >= batch.FormatColumns.Count)
            {
                batch.SyncColumns(catalog.InfoFields, catalog.FormatFields);
            }

            columns.Add(index);
        }

        return new FormatLayout([.. columns], columns.Count > 0 && columns[0] == FormatLayout.Genotype);
    }

    // A row holds every sample's values in one array; it must not outgrow what an array can hold.
    private void CheckRowSize(VcfFieldDefinition definition, int valuesPerSample)
    {
        if ((long)valuesPerSample * sampleCount > Array.MaxLength / 8)
        {
            throw Fail($"FORMAT {definition.Id}: {valuesPerSample} values for each of {sampleCount} samples is more than one row can hold", InputErrorKind.Unsupported);
        }
    }

    private string SampleName(int sample) => $"{header.Samples[sample]} (column {FixedColumns + 2 + sample})";
}
