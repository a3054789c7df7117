using System.Globalization;

namespace Genomics.Vcf;

/// <summary>The VCF version from <c>##fileformat=VCFv{Major}.{Minor}</c>.</summary>
public readonly record struct VcfVersion(int Major, int Minor) : IComparable<VcfVersion>
{
    /// <summary>VCF 4.3, from which the reserved INFO and FORMAT definitions are binding.</summary>
    public static VcfVersion V43 => new(4, 3);

    /// <summary>VCF 4.4, which added explicit phasing of a call's first allele.</summary>
    public static VcfVersion V44 => new(4, 4);

    public static bool operator <(VcfVersion left, VcfVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(VcfVersion left, VcfVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(VcfVersion left, VcfVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(VcfVersion left, VcfVersion right) => left.CompareTo(right) >= 0;

    public int CompareTo(VcfVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"VCFv{Major}.{Minor}");
}
