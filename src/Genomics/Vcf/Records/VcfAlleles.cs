namespace Genomics.Vcf;

/// <summary>Which ALT alleles VCF allows: bases, '*', &lt;symbolic&gt;, breakends and single breakends.</summary>
internal static class VcfAlleles
{
    public static bool IsValidAlt(ReadOnlySpan<byte> allele)
    {
        if (allele.IsEmpty)
        {
            return false;
        }

        if (allele.Length == 1 && allele[0] == (byte)'*')
        {
            return true;
        }

        if (allele[0] == (byte)'<')
        {
            return IsSymbolic(allele);
        }

        var bracket = allele.IndexOfAny((byte)'[', (byte)']');
        if (bracket >= 0)
        {
            return IsBreakend(allele, bracket);
        }

        // Single breakends: ".A" or "A." (bases joined to an unknown place).
        if (allele.Length > 1 && allele[0] == (byte)'.')
        {
            return VcfText.IsBases(allele[1..]);
        }

        if (allele.Length > 1 && allele[^1] == (byte)'.')
        {
            return VcfText.IsBases(allele[..^1]);
        }

        return VcfText.IsBases(allele);
    }

    private static bool IsSymbolic(ReadOnlySpan<byte> allele) =>
        allele.Length > 2 && allele[^1] == (byte)'>' && allele[1..^1].IndexOfAny((byte)'<', (byte)'>') < 0;

    // t[p[, t]p], ]p]t, [p[t: bases on exactly one side of a bracketed chr:pos (VCF 4.x section 5.4).
    private static bool IsBreakend(ReadOnlySpan<byte> allele, int open)
    {
        var kind = allele[open];
        var close = allele[(open + 1)..].IndexOf(kind);
        if (close < 0)
        {
            return false;
        }

        close += open + 1;
        var before = allele[..open];
        var after = allele[(close + 1)..];
        if (after.IndexOfAny((byte)'[', (byte)']') >= 0 || before.IsEmpty == after.IsEmpty)
        {
            return false;
        }

        var mate = allele[(open + 1)..close];
        var colon = mate.LastIndexOf((byte)':');
        return colon > 0 && VcfText.TryParseInteger(mate[(colon + 1)..], out var position) && position >= 0
            && VcfText.IsBases(before.IsEmpty ? after : before);
    }
}
