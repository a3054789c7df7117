namespace Genomics.Vcf;

/// <summary>Reading the header lines up to and including <c>#CHROM</c>.</summary>
internal sealed partial class VcfReader
{
    private VcfHeader ReadHeader()
    {
        var parser = new VcfHeaderParser(input.FilePath, warnings);
        while (lines.MoveNext())
        {
            var line = lines.Line;
            if (lines.LineNumber == 1 && !line.StartsWith("##fileformat="u8))
            {
                throw new GenomicsFormatException(
                    InputErrorKind.NotRecognized, input.FilePath, "not a VCF file: the first line must be ##fileformat=VCFv4.x", 1);
            }

            if (line.StartsWith("##"u8))
            {
                parser.AddMetaLine(line, lines.LineNumber);
            }
            else if (line.StartsWith("#CHROM"u8))
            {
                return parser.Complete(line, lines.LineNumber);
            }
            else
            {
                throw new GenomicsFormatException(
                    InputErrorKind.Malformed,
                    input.FilePath,
                    line.IsEmpty ? "empty line in the header" : "header line does not start with '##' and the #CHROM line has not come yet",
                    lines.LineNumber);
            }
        }

        throw new GenomicsFormatException(
            lines.LineNumber == 0 ? InputErrorKind.NotRecognized : InputErrorKind.Truncated,
            input.FilePath,
            lines.LineNumber == 0 ? "not a VCF file: no lines" : "the file ends before the #CHROM header line",
            lines.LineNumber == 0 ? null : lines.LineNumber);
    }
}
