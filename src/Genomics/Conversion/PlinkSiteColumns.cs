using Genomics.Parquet;
using Genomics.Plink;

namespace Genomics.Conversion;

/// <summary>Site columns of one row group built from .bim records.</summary>
internal sealed class PlinkSiteColumns(int capacity)
{
    private readonly List<long> _index = new(capacity);
    private readonly List<string> _contig = new(capacity);
    private readonly List<long> _pos = new(capacity);
    private readonly List<string?> _id = new(capacity);
    private readonly List<string> _ref = new(capacity);
    private readonly List<string> _alt = new(capacity);
    private readonly List<int> _altOffsets = new(capacity + 1);
    private readonly List<double> _cm = new(capacity);
    private readonly List<string?> _line = new(capacity);

    public void Clear()
    {
        _index.Clear();
        _contig.Clear();
        _pos.Clear();
        _id.Clear();
        _ref.Clear();
        _alt.Clear();
        _altOffsets.Clear();
        _altOffsets.Add(0);
        _cm.Clear();
        _line.Clear();
    }

    public void Add(long variantIndex, BimRecord r)
    {
        _index.Add(variantIndex);
        _contig.Add(r.Chromosome);
        _pos.Add(r.Position);
        _id.Add(r.Id == "." ? null : r.Id);
        _ref.Add(r.Ref);
        // A1 '0' is PLINK's missing-allele code (monomorphic site): no ALT, as '.' in VCF.
        if (r.Alt is not ("0" or "."))
        {
            _alt.Add(r.Alt);
        }

        _altOffsets.Add(_alt.Count);
        _cm.Add(r.CentiMorgans);
        _line.Add(PlinkLines.BimLineIfIrregular(r));
    }

    public IEnumerable<ColumnArray> ToArrays()
    {
        var n = _index.Count;
        var allNull = new bool[n];
        yield return new PrimitiveArray<long>(_index.ToArray());
        yield return BinaryArray.FromStrings(_contig);
        yield return new PrimitiveArray<long>(_pos.ToArray());
        yield return BinaryArray.FromStrings(_id);
        yield return BinaryArray.FromStrings(_ref);
        yield return new ListArray(_altOffsets.ToArray(), BinaryArray.FromStrings(_alt));
        yield return new PrimitiveArray<float>(new float[n], allNull);
        yield return new ListArray(new int[n + 1], BinaryArray.FromStrings([]), allNull);
        yield return new PrimitiveArray<double>(_cm.ToArray());
        yield return BinaryArray.FromStrings(_line);
    }
}
