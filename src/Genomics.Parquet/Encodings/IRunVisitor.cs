namespace Genomics.Parquet.Encodings;

/// <summary>Receives (value, count) runs; a struct visitor keeps the per-run call free of allocation and virtual dispatch.</summary>
internal interface IRunVisitor
{
    void Run(int value, long count);
}
