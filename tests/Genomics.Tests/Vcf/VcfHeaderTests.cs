using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

public sealed class VcfHeaderTests
{
    [Fact]
    public void Definitions_are_typed_and_the_text_is_kept()
    {
        string[] meta =
        [
            "##contig=<ID=chr1,length=248956422>",
            "##contig=<ID=chrM>",
            "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele \\\"frequency\\\", per ALT\",Source=\"x\">",
            "##INFO=<ID=DB,Number=0,Type=Flag,Description=\"dbSNP\">",
            "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
            "##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"Likelihoods\">",
            "##FORMAT=<ID=LAD,Number=LR,Type=Integer,Description=\"Local depths\">",
            "##FILTER=<ID=q10,Description=\"Quality below 10\">",
            "##ALT=<ID=DEL:ME,Description=\"Deletion of a mobile element\">",
            "##META=<ID=Assay,Type=String,Number=.,Values=[WholeGenome, Exome]>",
            "##source=test",
        ];
        var text = VcfSnippet.File(meta, ["NA1", "NA2"]);
        using var reader = VcfSnippet.Open(text);
        var header = reader.Header;
        Assert.Equal(text, header.Text);
        Assert.Equal(("VCFv4.3", new VcfVersion(4, 3)), (header.FileFormat, header.Version));
        Assert.Equal(["chr1", "chrM"], header.Contigs.Select(c => c.Id));
        Assert.Equal([248956422L, null], header.Contigs.Select(c => c.Length));
        var af = header.FindInfo("AF")!;
        Assert.Equal((new VcfNumber(VcfNumberKind.AltAlleles), VcfValueType.Float, "Allele \"frequency\", per ALT"), (af.Number, af.Type, af.Description));
        Assert.Equal("x", af.Line!["Source"]);
        Assert.Equal(VcfNumber.Zero, header.FindInfo("DB")!.Number);
        Assert.Equal("G", header.FindFormat("PL")!.Number.ToString());
        Assert.Equal(VcfNumberKind.LocalAlleles, header.FindFormat("LAD")!.Number.Kind);
        Assert.Equal(("q10", "Quality below 10"), (header.Filters[0].Id, header.Filters[0].Description));
        Assert.Equal("DEL:ME", header.AltAlleles[0].Id);
        Assert.Equal(["WholeGenome", "Exome"], header.MetaDefinitions[0].Values);
        Assert.Equal("test", header.MetaLines.Single(l => l.Key == "source").Value);
        Assert.Equal(["NA1", "NA2"], header.Samples);
        Assert.True(header.HasFormatColumn);
        Assert.Equal(meta.Length + 2, header.LineCount);

        // GT is handled as calls, so it is not among the FORMAT columns.
        Assert.Equal(["PL", "LAD"], reader.FormatFields.Select(f => f.Id));
    }

    [Fact]
    public void Spaces_around_keys_and_values_are_allowed_as_some_tools_write_them()
    {
        using var reader = VcfSnippet.Open(VcfSnippet.File(["##FORMAT=<ID=GATK,Number=1, Type  =   String    ,     Description=\"x\">   "], ["A"]));
        Assert.Equal(VcfValueType.String, reader.Header.FindFormat("GATK")!.Type);
    }

    [Fact]
    public void Duplicate_sample_names_are_an_error_naming_both_columns()
    {
        var error = VcfSnippet.Error(VcfSnippet.File([], ["A", "B", "A"]));
        Assert.Equal("test.vcf:2: #CHROM line: sample name 'A' appears in columns 10 and 12", error.Message);
    }

    [Theory]
    [InlineData("##fileformat=VCFv4.3\n##source=x\n", InputErrorKind.Truncated, "ends before the #CHROM header line")]
    [InlineData("#CHROM\tPOS\n", InputErrorKind.NotRecognized, "not a VCF file")]
    [InlineData("##source=x\n", InputErrorKind.NotRecognized, "not a VCF file")]
    [InlineData("##fileformat=VCFv3.3\n", InputErrorKind.Unsupported, "only VCF 4.x")]
    [InlineData("##fileformat=VCFv4.2\nfoo\n", InputErrorKind.Malformed, "does not start with '##'")]
    [InlineData("##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tINFO\n", InputErrorKind.Malformed, "column 7 must be FILTER")]
    [InlineData("##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tSAMPLE1\n", InputErrorKind.Malformed, "column 9 must be FORMAT")]
    [InlineData("##fileformat=VCFv4.2\n##INFO=<ID=X,Number=1,Type=Integer,Description=\"a\">\n##INFO=<ID=X,Number=2,Type=Integer,Description=\"b\">\n", InputErrorKind.Malformed, "declared again with a different definition")]
    [InlineData("##fileformat=VCFv4.2\n##INFO=<ID=X,Number=1,Type=Int,Description=\"a\">\n", InputErrorKind.Malformed, "Type=Int is not one of")]
    [InlineData("##fileformat=VCFv4.2\n##FORMAT=<ID=X,Number=0,Type=Flag,Description=\"a\">\n", InputErrorKind.Malformed, "only allowed for INFO")]
    [InlineData("##fileformat=VCFv4.2\n##contig=<ID=1,length=-5>\n", InputErrorKind.Malformed, "length=-5 is not a whole number")]
    [InlineData("##fileformat=VCFv4.2\n##INFO=<ID=X,Number=9999999,Type=Integer,Description=\"a\">\n", InputErrorKind.Unsupported, "more values than this reader supports")]
    public void Bad_headers_are_errors(string text, InputErrorKind kind, string reason)
    {
        var error = VcfSnippet.Error(text);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_identical_definition_is_a_warning()
    {
        const string Line = "##INFO=<ID=X,Number=1,Type=Integer,Description=\"a\">";
        using var reader = VcfSnippet.Open(VcfSnippet.File([Line, Line], []));
        Assert.Single(reader.Header.InfoFields);
        Assert.Single(reader.Warnings);
    }

    [Fact]
    public void Older_versions_are_not_held_to_the_vcf_4_3_reserved_definitions()
    {
        // VCF 4.1 files from older GATK releases declare GQ as a Float.
        const string Text = "##fileformat=VCFv4.1\n##FORMAT=<ID=GQ,Number=1,Type=Float,Description=\"q\">\n" + VcfSnippet.Columns + "\tFORMAT\tA\n1\t1\t.\tA\tC\t.\t.\t.\tGQ\t19.5\n";
        var batch = VcfSnippet.Batch(Text);
        Assert.Equal(19.5f, ((FloatValues)batch.FindFormat("GQ")!.List.Values).Values.Span[0]);
        var error = VcfSnippet.Error(Text.Replace("VCFv4.1", "VCFv4.3", StringComparison.Ordinal));
        Assert.Contains("reserved by VCF 4.3", error.Reason, StringComparison.Ordinal);
    }
}
