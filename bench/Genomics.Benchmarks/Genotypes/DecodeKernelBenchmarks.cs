using BenchmarkDotNet.Attributes;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;

namespace Genomics.Benchmarks.Genotypes;

/// <summary>
/// One packed row decoded (or packed back) per operation, for every kernel level this CPU runs. The genotypes/s
/// column divides the sample count by the mean time.
/// </summary>
[Config(typeof(GenotypeThroughputConfig))]
public class DecodeKernelBenchmarks
{
    private byte[] packed = [];
    private sbyte[] dosages = [];
    private sbyte[] alleles = [];
    private IDosageDecoder dosageDecoder = null!;
    private ICallDecoder callDecoder = null!;
    private IDosagePacker packer = null!;

    public static IEnumerable<SimdLevel> Levels => GenotypeKernels.SupportedLevels;

    [ParamsSource(nameof(Levels))]
    public SimdLevel Level { get; set; }

    [Params(10_000, 500_000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Random codes, so every table entry and branch-free path is exercised as in real data.
        packed = new byte[PackedGenotypes.BytesPerRow(Samples)];
        new Random(42).NextBytes(packed);
        dosages = new sbyte[Samples];
        alleles = new sbyte[2 * Samples];
        dosageDecoder = GenotypeKernels.CreateDosageDecoder(Level);
        callDecoder = GenotypeKernels.CreateCallDecoder(Level);
        packer = GenotypeKernels.CreateDosagePacker(Level);
        dosageDecoder.Decode(packed, dosages);
    }

    [Benchmark]
    public void DecodeDosages() => dosageDecoder.Decode(packed, dosages);

    [Benchmark]
    public void DecodeCalls() => callDecoder.Decode(packed, alleles);

    [Benchmark]
    public void PackDosages() => packer.Pack(dosages, packed);
}
