using System.Text;

namespace Genomics.Vcf;

/// <summary>The fixed columns: CHROM, POS (and sort order), ID, REF, ALT, QUAL, FILTER.</summary>
internal sealed partial class VcfRecordParser
{
    private readonly Utf8KeyMap knownFilters = new();
    private readonly HashSet<int> finishedGroups = [];
    private byte[] lastContigName = new byte[64];
    private int lastContigLength = -1;
    private int lastContig = -1;
    private int lastGroup = -1;
    private long lastPosition = -1;

    private int ReadContig(ReadOnlySpan<byte> name)
    {
        if (lastContig >= 0 && name.SequenceEqual(lastContigName.AsSpan(0, lastContigLength)))
        {
            return lastContig;
        }

        if (!catalog.TryFindContig(name, out var index))
        {
            if (!VcfNames.IsValidContig(name))
            {
                throw Fail($"CHROM {Quote(name)} is not a valid contig name (no whitespace, commas, quotes or brackets)");
            }

            index = catalog.AddContig(name, lineNumber);
            batch.SetContigs(catalog.Contigs);
        }

        if (name.Length > lastContigName.Length)
        {
            lastContigName = new byte[name.Length * 2];
        }

        name.CopyTo(lastContigName);
        lastContigLength = name.Length;
        return index;
    }

    private long ReadPosition(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text[0] is (byte)'-' or (byte)'+' || !VcfText.TryParseInteger(text, out var position))
        {
            throw Fail($"POS {Quote(text)} is not a whole number of 0 or more");
        }

        return position;
    }

    // The dataset is sorted by (contig, POS), so records must come that way: each contig in one block, POS not decreasing.
    private void CheckOrder(int contig, long position)
    {
        var group = catalog.OrderGroup(contig);
        if (group != lastGroup)
        {
            if (lastGroup >= 0)
            {
                finishedGroups.Add(lastGroup);
            }

            if (requireSorted && finishedGroups.Contains(group))
            {
                throw Fail($"records are not sorted: contig {catalog.Contigs[contig].Id} appears again after other contigs (sort the file, e.g. with bcftools sort)");
            }

            lastGroup = group;
        }
        else if (requireSorted && position < lastPosition)
        {
            throw Fail($"records are not sorted: POS {position} on contig {catalog.Contigs[contig].Id} comes after POS {lastPosition} (sort the file, e.g. with bcftools sort)");
        }

        lastContig = contig;
        lastPosition = position;
    }

    private void ReadId(ReadOnlySpan<byte> text)
    {
        if (VcfText.IsMissing(text))
        {
            batch.Ids.AppendNull();
            return;
        }

        if (text.IsEmpty || text.IndexOfAny((byte)' ', (byte)'\r') >= 0 || text[0] == (byte)';' || text[^1] == (byte)';' || text.IndexOf(";;"u8) >= 0)
        {
            throw Fail($"ID {Quote(text)} must be '.' or ';'-separated identifiers without whitespace or empty entries");
        }

        batch.Ids.Append(text);
    }

    private void ReadRef(ReadOnlySpan<byte> text)
    {
        if (!VcfText.IsBases(text))
        {
            throw Fail($"REF {Quote(text)} must be one or more of the bases A, C, G, T, N");
        }

        batch.Refs.Append(text);
    }

    private int ReadAlts(ReadOnlySpan<byte> text)
    {
        var values = (StringValues)batch.Alts.Values;
        var count = 0;
        if (!VcfText.IsMissing(text))
        {
            foreach (var range in text.Split((byte)','))
            {
                var allele = text[range];
                if (!VcfAlleles.IsValidAlt(allele))
                {
                    throw Fail(allele.IsEmpty
                        ? $"ALT {Quote(text)} has an empty allele"
                        : $"ALT allele {Quote(allele)} is not bases (A, C, G, T, N), '*', a <symbolic> allele or a breakend");
                }

                values.Append(allele);
                count++;
            }
        }

        batch.Alts.EndList(true);
        return count;
    }

    private void ReadQual(ReadOnlySpan<byte> text)
    {
        if (VcfText.IsMissing(text))
        {
            batch.Quals.AppendNull();
            return;
        }

        if (!VcfText.TryParseFloat(text, out var qual) || qual < 0)
        {
            throw Fail($"QUAL {Quote(text)} must be '.' or a number of 0 or more");
        }

        batch.Quals.Append(qual);
    }

    private void ReadFilters(ReadOnlySpan<byte> text)
    {
        if (VcfText.IsMissing(text))
        {
            batch.Filters.EndList(false);
            return;
        }

        var values = (StringValues)batch.Filters.Values;
        var first = values.Count;
        foreach (var range in text.Split((byte)';'))
        {
            var name = text[range];
            if (name.IsEmpty || VcfText.IsMissing(name) || name.IndexOf((byte)' ') >= 0)
            {
                throw Fail($"FILTER {Quote(text)} must be '.', PASS, or ';'-separated filter names (no empty names, '.' or spaces among them)");
            }

            for (var earlier = first; earlier < values.Count; earlier++)
            {
                if (values.GetBytes(earlier).SequenceEqual(name))
                {
                    throw Fail($"FILTER {Quote(text)} lists {Quote(name)} twice");
                }
            }

            values.Append(name);
            WarnUndeclaredFilter(name);
        }

        batch.Filters.EndList(true);
    }

    private void WarnUndeclaredFilter(ReadOnlySpan<byte> name)
    {
        if (!knownFilters.TryGetValue(name, out _))
        {
            var text = Encoding.UTF8.GetString(name);
            warnings.Warn($"FILTER {text}", lineNumber, $"FILTER '{text}' is not declared in the header");
            knownFilters.Add(name, 0);
        }
    }
}
