using System.Runtime.CompilerServices;
using Genomics.Cohorts;
using Genomics.Plink;
using Genomics.Vcf;

namespace Genomics.Stats;

/// <summary>
/// One run's summary, fed in input order by whatever reads the genotypes (the summarize command, or convert in the same
/// pass): counts every cohort of each site and writes the rows. PLINK rows are counted on several threads, each with
/// its own counter, and written in order.
/// </summary>
public sealed class SummaryPass
{
    private readonly CohortSummarizer[] workers;
    private readonly ISummarySink sink;
    private readonly int threads;
    private AlleleTally[] tallies = [];
    private double[] hwe = [];

    /// <param name="cohorts">The cohorts counted.</param>
    /// <param name="ploidy">How packed calls are read by site (PLINK and dosage input); null for VCF.</param>
    /// <param name="sink">Where rows go.</param>
    /// <param name="threads">Threads counting PLINK rows.</param>
    public SummaryPass(CohortSet cohorts, PloidyModel? ploidy, ISummarySink sink, int threads = 1)
    {
        this.sink = sink;
        this.threads = Math.Max(1, threads);
        var masks = new CohortMasks(cohorts, ploidy);
        workers = [.. Enumerable.Range(0, this.threads).Select(_ => new CohortSummarizer(masks, ploidy))];
    }

    /// <summary>The cohorts counted.</summary>
    public CohortSet Cohorts => workers[0].Cohorts;

    /// <summary>Sites summarized so far.</summary>
    public long Sites { get; private set; }

    /// <summary>The site of a .bim record: A2 is REF, A1 (unless '0' or '.') the ALT.</summary>
    public static SummarySite SiteOf(long variantIndex, BimRecord record) => new(
        variantIndex,
        record.Chromosome,
        record.Position,
        record.Id == "." ? null : record.Id,
        record.Ref,
        record.Alt is "0" or "." ? [] : [record.Alt]);

    /// <summary>Counts and writes <paramref name="records"/>.Count PLINK rows, <paramref name="bytesPerRow"/> bytes each, from <paramref name="rows"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddPlinkRows(long firstVariant, IReadOnlyList<BimRecord> records, ReadOnlyMemory<byte> rows, int bytesPerRow)
    {
        var count = records.Count;
        var cohorts = Cohorts.Count;
        var sites = new SummarySite[count];
        for (var i = 0; i < count; i++)
        {
            sites[i] = SiteOf(firstVariant + i, records[i]);
        }

        if (tallies.Length < count * cohorts)
        {
            tallies = new AlleleTally[count * cohorts];
            hwe = new double[count * cohorts];
        }

        // The exact HWE test costs more than the counting; both run on the worker threads.
        var slices = Math.Min(threads, Math.Max(1, count / 64));
        var counted = tallies;
        var tested = hwe;
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            var worker = workers[slice];
            var start = (int)((long)count * slice / slices);
            var end = (int)((long)count * (slice + 1) / slices);
            for (var v = start; v < end; v++)
            {
                worker.CountPacked(sites[v], rows.Span.Slice(v * bytesPerRow, bytesPerRow), counted.AsSpan(v * cohorts, cohorts));
                worker.HardyWeinbergOf(counted.AsSpan(v * cohorts, cohorts), tested.AsSpan(v * cohorts, cohorts));
            }
        });

        for (var v = 0; v < count; v++)
        {
            sink.Write(sites[v], 1, Cohorts.Names, tallies.AsSpan(v * cohorts, cohorts), hwe.AsSpan(v * cohorts, cohorts));
        }

        Sites += count;
    }

    /// <summary>Counts and writes every site of a VCF batch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddVcfBatch(VcfBatch batch)
    {
        var worker = workers[0];
        var genotypes = batch.Genotypes;
        var hasCalls = genotypes.HasCalls.Span;
        var isPacked = genotypes.IsPacked.Span;
        var positions = batch.Positions.Span;
        var contigs = batch.ContigIndexes.Span;
        if (tallies.Length < Cohorts.Count)
        {
            tallies = new AlleleTally[Cohorts.Count];
        }

        for (var v = 0; v < batch.Count; v++)
        {
            var range = batch.Alts.GetRange(v);
            var altValues = (StringValues)batch.Alts.Values;
            var alts = new string[range.End.Value - range.Start.Value];
            for (var a = 0; a < alts.Length; a++)
            {
                alts[a] = altValues.GetString(range.Start.Value + a)!;
            }

            var site = new SummarySite(batch.FirstVariantIndex + v, batch.Contigs[contigs[v]].Id, positions[v], batch.Ids.GetString(v), batch.Refs.GetString(v)!, alts);
            if (!hasCalls[v])
            {
                worker.AddWide(site, [], 0, sink);
                continue;
            }

            if (isPacked[v] && alts.Length == 1 && genotypes.Ploidy == 2)
            {
                // The packed row reads a partially missing call (./1) as missing, where the allele count must keep
                // its called allele (as bcftools counts): with two slots per call, such calls are exactly those
                // whose wide form holds a single -1, so the row is packed-safe when the -1s are twice the missing calls.
                var counted = tallies.AsSpan(0, Cohorts.Count);
                worker.CountPacked(site, genotypes.GetPacked(v), counted);
                if (genotypes.GetAlleles(v).Count((sbyte)-1) == 2 * counted[0].Missing)
                {
                    worker.Emit(site, 1, counted, sink);
                    continue;
                }
            }

            worker.AddWide(site, genotypes.GetAlleles(v), genotypes.Ploidy, sink);
        }

        Sites += batch.Count;
    }

    /// <summary>Counts and writes one site already in the packed form (a dataset's dosage row) for ALT <paramref name="alleleIndex"/>.</summary>
    public void AddPacked(SummarySite site, int alleleIndex, ReadOnlySpan<byte> row)
    {
        if (tallies.Length < Cohorts.Count)
        {
            tallies = new AlleleTally[Cohorts.Count];
        }

        var counted = tallies.AsSpan(0, Cohorts.Count);
        workers[0].CountPacked(site, row, counted);
        workers[0].Emit(site, alleleIndex, counted, sink);
        Sites += alleleIndex <= 1 ? 1 : 0;
    }

    /// <summary>Counts and writes one site in the wide form (a dataset's call_genotype row).</summary>
    public void AddWide(SummarySite site, ReadOnlySpan<sbyte> alleles, int ploidy)
    {
        workers[0].AddWide(site, alleles, ploidy, sink);
        Sites++;
    }
}
