namespace Genomics.Vcf;

/// <summary>
/// Where one FORMAT key's values go in the open row, worked out once per row so the per-sample loop only switches on
/// <see cref="Kind"/>. For fixed-count numbers it holds the column's arrays and the row's first slot, so a value is
/// two stores; they are refreshed whenever the general parser may have moved them.
/// </summary>
internal struct SampleField
{
    public SampleFieldKind Kind;
    public VcfFormatColumn? Column;
    public int[]? Integers;
    public float[]? Floats;
    public bool[]? Validity;
    public int RowStart;
    public int Stride;
}
