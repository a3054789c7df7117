namespace Genomics.Stats.Kernels;

/// <summary>
/// Bit counts of a packed row under one sample mask: how many member samples have the low bit of their 2-bit code set
/// (<see cref="Low"/>), the high bit (<see cref="High"/>), and both (<see cref="Both"/>). With the .bed code order
/// (00 hom ALT, 01 missing, 10 het, 11 hom REF) the four code counts follow from these three and the mask's size.
/// </summary>
public struct CodePlaneCounts
{
    /// <summary>Members whose code has bit 0 set (01 missing or 11 hom REF).</summary>
    public long Low;

    /// <summary>Members whose code has bit 1 set (10 het or 11 hom REF).</summary>
    public long High;

    /// <summary>Members with code 11 (hom REF).</summary>
    public long Both;

    /// <summary>Code 11: two REF copies.</summary>
    public readonly long HomRef => Both;

    /// <summary>Code 10: one copy of each allele.</summary>
    public readonly long Het => High - Both;

    /// <summary>Code 01: no call.</summary>
    public readonly long Missing => Low - Both;

    /// <summary>Code 00 among <paramref name="members"/> samples: two ALT copies.</summary>
    public readonly long HomAlt(long members) => members - High - Low + Both;
}
