using Genomics.Dataset;
using Genomics.Export;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Conversion;

/// <summary>.bed/.bim/.fam → dataset → .bed/.bim/.fam gives back the same bytes, for every fileset in testdata/.</summary>
public sealed class DatasetRoundTripTests
{
    public static TheoryData<string, GenotypeColumn> FilesetsAndForms
    {
        get
        {
            var data = new TheoryData<string, GenotypeColumn>();
            foreach (var prefix in TestFilesets.Readable)
            {
                data.Add(prefix, GenotypeColumn.Dosage);
                data.Add(prefix, GenotypeColumn.Calls);
            }

            return data;
        }
    }

    [Fact]
    public void Every_plink_fileset_in_testdata_is_looped_over()
    {
        // The shared copies (MANIFEST.tsv) and the plink2 goldens; a fileset added later is picked up by itself.
        string[] known =
        [
            "bed-reader/plink_sim_10s_100v_10pmiss", "bed-reader/small", "bed-reader/smallmode0", "bed-reader/some_missing",
            "bed-reader/sparse", "bio2zarr/example", "bio2zarr/example_with_fam", "bio2zarr/plink_sim_10s_100v_10pmiss",
            "pandas-plink/data", "golden/plink2/dummy_n1_m9", "golden/plink2/dummy_n70_m25",
        ];
        Assert.Subset(TestFilesets.Readable.ToHashSet(), known.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(FilesetsAndForms))]
    public void Fileset_comes_back_byte_identical(string prefix, GenotypeColumn genotypes)
    {
        var source = TestFilesets.PathOf(prefix);
        using var converted = new Converted(source, genotypes, genotypesPerRowGroup: 64);
        var exported = converted.Directory.File("exported");
        PlinkExporter.Export(converted.Dataset, exported);

        Assert.Equal(File.ReadAllBytes(source + ".fam"), File.ReadAllBytes(exported + ".fam"));
        Assert.Equal(File.ReadAllBytes(source + ".bim"), File.ReadAllBytes(exported + ".bim"));
        var bed = File.ReadAllBytes(source + ".bed");
        // A legacy sample-major .bed (mode 0x00) comes back as the variant-major file holding the same calls.
        var expected = TestFilesets.IsSampleMajor(prefix)
            ? Transpose(bed, PlinkText.Rows(source + ".fam").Length, PlinkText.Rows(source + ".bim").Length)
            : bed;
        Assert.Equal(expected, File.ReadAllBytes(exported + ".bed"));
        Assert.Equal(["exported.bed", "exported.bim", "exported.fam"], Directory.EnumerateFiles(converted.Directory.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(GenotypeColumn.Dosage)]
    [InlineData(GenotypeColumn.Calls)]
    public void Missing_allele_codes_and_ids_in_plain_lines_come_back_as_written(GenotypeColumn genotypes)
    {
        // Lines exactly as the writer would render them (tabs, LF), so only the values decide what comes back:
        // A1 '.' and A1 '0' both mean "no ALT" in the dataset, yet each must be exported as it was written.
        using var directory = new TemporaryDirectory();
        var source = directory.File("source");
        File.WriteAllText(source + ".bim", "1\trs1\t0\t100\t.\tA\n1\t.\t0\t200\t0\tC\n1\trs3\t0\t300\tG\t.\n");
        File.WriteAllText(source + ".fam", "0 s1 0 0 1 -9\n");
        File.WriteAllBytes(source + ".bed", [0x6c, 0x1b, 0x01, 0b11, 0b10, 0b01]);
        var dataset = directory.File("dataset");
        Genomics.Conversion.PlinkConverter.Convert(source, dataset, new Genomics.Conversion.PlinkConversionOptions { Genotypes = genotypes });
        var sites = DatasetContents.Read(dataset).Sites;
        Assert.Equal([[], [], ["G"]], sites.Select(s => s.Alt));
        Assert.Equal(["rs1", null, "rs3"], sites.Select(s => s.Id));
        PlinkExporter.Export(dataset, directory.File("exported"));
        foreach (var extension in new[] { ".fam", ".bim", ".bed" })
        {
            Assert.Equal(File.ReadAllText(source + extension), File.ReadAllText(directory.File("exported") + extension));
        }
    }

    [Fact]
    public void Sample_major_bed_is_among_the_filesets_and_transposes_to_known_bytes()
    {
        Assert.True(TestFilesets.IsSampleMajor("bed-reader/smallmode0"));
        var bed = File.ReadAllBytes(TestFilesets.PathOf("bed-reader/smallmode0") + ".bed");
        // 4 samples × 3 variants: one byte per sample (3 codes) becomes one byte per variant (4 codes).
        Assert.Equal(3 + 4, bed.Length);
        var variantMajor = Transpose(bed, 4, 3);
        Assert.Equal(3 + 3, variantMajor.Length);
        for (var s = 0; s < 4; s++)
        {
            for (var v = 0; v < 3; v++)
            {
                Assert.Equal((bed[3 + s] >> (2 * v)) & 3, (variantMajor[3 + v] >> (2 * s)) & 3);
            }
        }
    }

    [Fact]
    public void Dataset_files_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var converted = new Converted(TestFilesets.PathOf("bed-reader/some_missing"), GenotypeColumn.Dosage, genotypesPerRowGroup: 100);
        const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(Folder, File.GetUnixFileMode(converted.Dataset));
        var folders = Directory.EnumerateDirectories(converted.Dataset, "*", SearchOption.AllDirectories).ToList();
        var files = Directory.EnumerateFiles(converted.Dataset, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(Path.Combine(converted.Dataset, "variants"), folders);
        Assert.Contains(Path.Combine(converted.Dataset, "manifest.json"), files);
        Assert.Contains(Path.Combine(converted.Dataset, "samples.parquet"), files);
        Assert.Contains(files, f => f.StartsWith(Path.Combine(converted.Dataset, "variants", "part-"), StringComparison.Ordinal));
        foreach (var folder in folders)
        {
            Assert.True(File.GetUnixFileMode(folder) == Folder, $"{folder}: {File.GetUnixFileMode(folder)}");
        }

        foreach (var file in files)
        {
            Assert.True(File.GetUnixFileMode(file) == Private, $"{file}: {File.GetUnixFileMode(file)}");
        }
        // Nothing but the dataset beside it: the temporary .partial folder was renamed, not copied.
        Assert.Equal([converted.Dataset], Directory.EnumerateFileSystemEntries(converted.Directory.FullPath));
    }

    /// <summary>A sample-major .bed as the variant-major .bed with the same codes, computed from the bytes.</summary>
    internal static byte[] Transpose(byte[] sampleMajor, int samples, int variants)
    {
        var bytesPerSample = (variants + 3) / 4;
        var bytesPerVariant = (samples + 3) / 4;
        var result = new byte[3 + (variants * bytesPerVariant)];
        (result[0], result[1], result[2]) = ((byte)0x6c, (byte)0x1b, (byte)0x01);
        for (var s = 0; s < samples; s++)
        {
            for (var v = 0; v < variants; v++)
            {
                var code = (sampleMajor[3 + (s * bytesPerSample) + (v / 4)] >> (2 * (v % 4))) & 3;
                result[3 + (v * bytesPerVariant) + (s / 4)] |= (byte)(code << (2 * (s % 4)));
            }
        }

        return result;
    }
}
